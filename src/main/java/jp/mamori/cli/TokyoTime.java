package jp.mamori.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as a Japanese reader expects them in tables: Asia/Tokyo, with the offset shown so that nobody mistakes them for UTC. */
final class TokyoTime {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx").withZone(TOKYO);

    private TokyoTime() { }

    /** "2026-12-03 17:30:05 +09:00"; "-" for none. */
    static String of(Instant t) {
        return t == null ? "-" : FORMAT.format(t);
    }
}
