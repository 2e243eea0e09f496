package jp.mamori.detection.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The rules' state as bytes, for state stores that outlive a process (Kafka Streams changelogs). A
 * fixed, tagged layout written field by field — never Java serialisation, so a changelog topic
 * cannot make a node build arbitrary objects. A value this version cannot read is refused.
 */
public final class StateCodec {
    private StateCodec() { }

    private static final int VERSION = 1;
    private static final byte BOOL = 1, LONG = 2, INSTANT = 3, SESSION = 4, USER = 5, DESKTOP = 6, UPLOAD = 7, SIGMA = 8;

    public static byte[] encode(Object v) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            DataOutputStream o = new DataOutputStream(bytes);
            o.writeByte(VERSION);
            if (v instanceof Boolean b) {
                o.writeByte(BOOL);
                o.writeBoolean(b);
            } else if (v instanceof Long l) {
                o.writeByte(LONG);
                o.writeLong(l);
            } else if (v instanceof Instant t) {
                o.writeByte(INSTANT);
                time(o, t);
            } else if (v instanceof DetectionEngine.Session s) {
                o.writeByte(SESSION);
                str(o, s.user); str(o, s.loginIp()); str(o, s.loginUa); time(o, s.loginAt); str(o, s.loginFile); o.writeLong(s.loginLine);
                str(o, s.loginText()); time(o, s.lastAt); o.writeBoolean(s.loggedOut); o.writeBoolean(s.uaFlagged);
                o.writeBoolean(s.flagged != null);
                if (s.flagged != null) strings(o, s.flagged);
            } else if (v instanceof DetectionEngine.UserState u) {
                o.writeByte(USER);
                strings(o, u.sessionKeys());
                o.writeInt(u.hijackers.size());
                for (Map.Entry<String, String> e : u.hijackers.entrySet()) { str(o, e.getKey()); str(o, e.getValue()); }
            } else if (v instanceof DetectionEngine.Desktop d) {
                o.writeByte(DESKTOP);
                str(o, d.address()); str(o, d.user()); str(o, d.host()); o.writeBoolean(d.confidential()); str(o, d.source());
            } else if (v instanceof DetectionEngine.Upload u) {
                o.writeByte(UPLOAD);
                str(o, u.user); str(o, u.domain); str(o, u.file); time(o, u.bucket); o.writeLong(u.bytes); o.writeBoolean(u.bytesKnown);
                o.writeInt(u.requests); o.writeBoolean(u.confidential); strings(o, u.ips); evidence(o, u.evidence); time(o, u.first);
                str(o, u.desktopHost);
            } else if (v instanceof DetectionEngine.Pending p) {
                o.writeByte(SIGMA);
                detection(o, p.first); o.writeBoolean(p.proxy); evidence(o, p.evidence); o.writeInt(p.count);
            } else {
                throw new IllegalArgumentException("no state layout for " + (v == null ? "null" : v.getClass().getName()));
            }
            o.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Object decode(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            int version = in.readUnsignedByte();
            if (version != VERSION) throw new IllegalStateException("detection state of layout " + version + " cannot be read by this version");
            byte tag = in.readByte();
            switch (tag) {
                case BOOL: return in.readBoolean();
                case LONG: return in.readLong();
                case INSTANT: return time(in);
                case SESSION: {
                    String user = str(in), ip = str(in), ua = str(in);
                    Instant at = time(in);
                    String file = str(in);
                    long line = in.readLong();
                    String text = str(in);
                    DetectionEngine.Session s = new DetectionEngine.Session(user, ip, ua, at, file, line, text);
                    s.lastAt = time(in);
                    s.loggedOut = in.readBoolean();
                    s.uaFlagged = in.readBoolean();
                    if (in.readBoolean()) s.flagged = new HashSet<>(strings(in));
                    return s;
                }
                case USER: {
                    DetectionEngine.UserState u = new DetectionEngine.UserState();
                    for (String k : strings(in)) u.addSessionKey(k, false);
                    int n = in.readInt();
                    for (int i = 0; i < n; i++) u.hijack(str(in), str(in));
                    return u;
                }
                case DESKTOP: return new DetectionEngine.Desktop(str(in), str(in), str(in), in.readBoolean(), str(in));
                case UPLOAD: {
                    String user = str(in), domain = str(in), file = str(in);
                    Instant bucket = time(in);
                    DetectionEngine.Upload u = new DetectionEngine.Upload(user, domain, bucket, file);
                    u.bytes = in.readLong();
                    u.bytesKnown = in.readBoolean();
                    u.requests = in.readInt();
                    u.confidential = in.readBoolean();
                    u.ips.addAll(strings(in));
                    u.evidence.addAll(evidence(in));
                    u.first = time(in);
                    u.desktopHost = str(in);
                    return u;
                }
                case SIGMA: {
                    DetectionEngine.Pending p = new DetectionEngine.Pending(detection(in), in.readBoolean());
                    p.evidence.addAll(evidence(in));
                    p.count = in.readInt();
                    return p;
                }
                default: throw new IllegalStateException("unknown detection state tag " + tag);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void detection(DataOutputStream o, Detection d) throws IOException {
        str(o, d.rule()); str(o, d.category().name()); str(o, d.severity().name()); time(o, d.at()); str(o, d.assetCode()); str(o, d.user());
        str(o, d.sessionId()); strings(o, d.sourceIps()); str(o, d.destination()); o.writeLong(d.bytesOut()); str(o, d.summaryJa());
        str(o, d.summaryEn()); str(o, d.vulnId()); evidence(o, d.evidence()); str(o, d.fingerprint());
    }

    private static Detection detection(DataInputStream in) throws IOException {
        return new Detection(str(in), Category.valueOf(str(in)), Severity.valueOf(str(in)), time(in), str(in), str(in), str(in), strings(in),
                str(in), in.readLong(), str(in), str(in), str(in), evidence(in), str(in));
    }

    private static void evidence(DataOutputStream o, List<Evidence> ev) throws IOException {
        o.writeInt(ev.size());
        for (Evidence e : ev) { str(o, e.file()); o.writeLong(e.line()); str(o, e.text()); }
    }

    private static List<Evidence> evidence(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<Evidence> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new Evidence(str(in), in.readLong(), str(in)));
        return out;
    }

    private static void strings(DataOutputStream o, java.util.Collection<String> values) throws IOException {
        o.writeInt(values.size());
        for (String v : values) str(o, v);
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(str(in));
        return out;
    }

    /** Strings as a length and UTF-8 bytes (log lines may exceed writeUTF's 64 KB), null as -1. */
    private static void str(DataOutputStream o, String s) throws IOException {
        if (s == null) {
            o.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        o.writeInt(b.length);
        o.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = in.readNBytes(n);
        if (b.length != n) throw new IOException("truncated detection state");
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void time(DataOutputStream o, Instant t) throws IOException {
        o.writeBoolean(t != null);
        if (t != null) { o.writeLong(t.getEpochSecond()); o.writeInt(t.getNano()); }
    }

    private static Instant time(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }
}
