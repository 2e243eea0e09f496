package jp.mamori.advisory;

/** OSV range event: kind is "introduced", "fixed", "last_affected" or "limit". */
public record RangeEvent(String kind, String version) {
}
