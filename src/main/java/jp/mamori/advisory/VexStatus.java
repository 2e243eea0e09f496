package jp.mamori.advisory;

/** Normalised VEX status across CycloneDX VEX, OpenVEX and CSAF VEX. */
public enum VexStatus {
    NOT_AFFECTED, AFFECTED, FIXED, UNDER_INVESTIGATION;

    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
