package jp.mamori.detection.logs;

import java.time.Instant;

/**
 * One log line as the rules see it. Only what the rules need is kept; {@code text} is the line
 * itself (clipped) for the evidence of a detection. Unknown values are null, byte counts -1.
 *
 * @param forwardedFor the X-Forwarded-For value the device logged (used only behind a trusted proxy)
 * @param target       the other end: the desktop of an ICA launch, the server address of a proxy request
 */
public record LogEvent(LogSource source, long line, Instant at, EventKind kind, String host,
                       String user, String sessionId, String clientIp, String forwardedFor, String userAgent,
                       String method, String destinationHost, String url, long bytesOut, long bytesIn,
                       String target, String detail, String text) {

    public static final int MAX_TEXT = 2000;

    public LogEvent {
        if (text != null && text.length() > MAX_TEXT) text = text.substring(0, MAX_TEXT) + "…";
    }

    public static Builder of(LogSource source, long line, Instant at, EventKind kind, String text) {
        return new Builder(source, line, at, kind, text);
    }

    /** A mutable builder for the parsers. */
    public static final class Builder {
        private final LogSource source;
        private final long line;
        private final Instant at;
        private final EventKind kind;
        private final String text;
        private String host, user, sessionId, clientIp, forwardedFor, userAgent, method, destinationHost, url, target, detail;
        private long bytesOut = -1, bytesIn = -1;

        Builder(LogSource source, long line, Instant at, EventKind kind, String text) {
            this.source = source; this.line = line; this.at = at; this.kind = kind; this.text = text;
        }

        public Builder host(String v) { host = blank(v); return this; }
        public Builder user(String v) { user = blank(v); return this; }
        public Builder session(String v) { sessionId = blank(v); return this; }
        public Builder client(String v) { clientIp = Addresses.strip(blank(v)); return this; }
        public Builder forwardedFor(String v) { forwardedFor = blank(v); return this; }
        public Builder userAgent(String v) { userAgent = blank(v); return this; }
        public Builder method(String v) { method = blank(v); return this; }
        public Builder destination(String v) { destinationHost = blank(v); return this; }
        public Builder url(String v) { url = blank(v); return this; }
        public Builder bytesOut(long v) { bytesOut = v; return this; }
        public Builder bytesIn(long v) { bytesIn = v; return this; }
        public Builder target(String v) { target = Addresses.strip(blank(v)); return this; }
        public Builder detail(String v) { detail = blank(v); return this; }

        public LogEvent build() {
            return new LogEvent(source, line, at, kind, host, user, sessionId, clientIp, forwardedFor, userAgent, method,
                    destinationHost, url, bytesOut, bytesIn, target, detail, text);
        }

        private static String blank(String v) {
            if (v == null) return null;
            String s = v.strip();
            return s.isEmpty() || s.equals("-") ? null : s;
        }
    }
}
