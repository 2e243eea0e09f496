package jp.mamori.detection.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.mamori.detection.logs.Addresses;

/**
 * An organisation's detection settings: allow-list entries, the shipped storage-domain list and the
 * thresholds and windows of the rules.
 */
public final class DetectionPolicy {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** Thresholds and windows (defaults in {@link #defaults()}). */
    public record Thresholds(long uploadBytesPerHour, int uploadRequestsPerHour, Duration concurrentWindow, Duration sessionIdle,
                             int workStartHour, int workEndHour, Duration incidentWindow) {
        public static Thresholds defaults() {
            return new Thresholds(100L * 1024 * 1024, 30, Duration.ofMinutes(15), Duration.ofHours(2), 8, 20, Duration.ofHours(24));
        }
    }

    private static final Set<String> SHIPPED = loadShipped();

    private final List<AllowEntry> entries;
    private final Thresholds thresholds;
    private final List<Addresses.Range> egress = new ArrayList<>(), cgnat = new ArrayList<>(), proxies = new ArrayList<>();
    private final Set<String> sanctioned = new HashSet<>(), storage = new HashSet<>(SHIPPED);
    private final ZoneId zone;

    public DetectionPolicy(List<AllowEntry> entries, Thresholds thresholds, ZoneId zone) {
        this.entries = List.copyOf(entries);
        this.thresholds = thresholds;
        this.zone = zone == null ? TOKYO : zone;
        for (AllowEntry e : entries) {
            switch (e.kind()) {
                case EGRESS -> egress.add(Addresses.Range.parse(e.value()));
                case CGNAT -> cgnat.add(Addresses.Range.parse(e.value()));
                case TRUSTED_PROXY -> proxies.add(Addresses.Range.parse(e.value()));
                case SANCTIONED_DOMAIN -> sanctioned.add(e.value());
                case STORAGE_DOMAIN -> storage.add(e.value());
            }
        }
    }

    public static DetectionPolicy defaults() {
        return new DetectionPolicy(List.of(), Thresholds.defaults(), TOKYO);
    }

    public List<AllowEntry> entries() { return entries; }
    public Thresholds thresholds() { return thresholds; }
    public ZoneId zone() { return zone; }

    public boolean trustedProxy(String ip) {
        return in(proxies, ip);
    }

    public boolean egress(String ip) {
        return in(egress, ip);
    }

    /** Two addresses count as one: equal, inside one CGNAT range, or both the organisation's egress. */
    public boolean sameClient(String a, String b) {
        if (a == null || b == null || a.equals(b)) return true;
        for (Addresses.Range r : cgnat) if (r.contains(a) && r.contains(b)) return true;
        return egress(a) && egress(b);
    }

    /** The domain itself or its nearest listed parent when sanctioned; else null. */
    public String sanctioned(String host) {
        return listed(sanctioned, host);
    }

    /** The listed storage domain the host belongs to (subdomains included), else null. */
    public String storage(String host) {
        return listed(storage, host);
    }

    private static String listed(Set<String> set, String host) {
        if (host == null) return null;
        String h = host;
        while (true) {
            if (set.contains(h)) return h;
            int dot = h.indexOf('.');
            if (dot < 0) return null;
            h = h.substring(dot + 1);
        }
    }

    private static boolean in(List<Addresses.Range> ranges, String ip) {
        if (ip == null) return false;
        for (Addresses.Range r : ranges) if (r.contains(ip)) return true;
        return false;
    }

    public static Set<String> shippedStorageDomains() {
        return SHIPPED;
    }

    private static Set<String> loadShipped() {
        Set<String> out = new HashSet<>();
        try (InputStream in = DetectionPolicy.class.getResourceAsStream("/detection/storage-domains.txt")) {
            if (in == null) throw new IllegalStateException("storage-domains.txt missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String l;
            while ((l = r.readLine()) != null) {
                l = l.strip();
                if (!l.isEmpty() && !l.startsWith("#")) out.add(l.toLowerCase(java.util.Locale.ROOT));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Set.copyOf(out);
    }
}
