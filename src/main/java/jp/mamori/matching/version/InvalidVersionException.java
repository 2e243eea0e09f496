package jp.mamori.matching.version;

/** A version string that the chosen scheme cannot order. */
public class InvalidVersionException extends IllegalArgumentException {
    public InvalidVersionException(String scheme, String version) {
        super("not a valid " + scheme + " version: '" + version + "'");
    }
}
