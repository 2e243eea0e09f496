package jp.mamori.detection.logs;

/** Reads one line of one format. Returns null for a well-formed line the rules do not need. */
public interface LineParser {
    LogEvent parse(String line, long lineNo) throws MalformedLineException;

    /** Said once per file after reading it, e.g. that the format records no upload volume; null if nothing. */
    default String notice() { return null; }
}
