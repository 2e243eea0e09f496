package jp.mamori.advisory;

/** One NVD cpeMatch entry: a CPE 2.3 criterion with an optional version range. */
public record CpeMatch(boolean vulnerable, String criteria,
                       String versionStartIncluding, String versionStartExcluding,
                       String versionEndIncluding, String versionEndExcluding) {

    public boolean hasRange() {
        return versionStartIncluding != null || versionStartExcluding != null
                || versionEndIncluding != null || versionEndExcluding != null;
    }

    /** Human readable criterion for evidence, e.g. "cpe:2.3:a:citrix:...:*:* >=13.1 <13.1-49.15". */
    public String describe() {
        StringBuilder sb = new StringBuilder(criteria);
        if (versionStartIncluding != null) sb.append(" >=").append(versionStartIncluding);
        if (versionStartExcluding != null) sb.append(" >").append(versionStartExcluding);
        if (versionEndIncluding != null) sb.append(" <=").append(versionEndIncluding);
        if (versionEndExcluding != null) sb.append(" <").append(versionEndExcluding);
        return sb.toString();
    }
}
