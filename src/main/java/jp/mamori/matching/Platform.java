package jp.mamori.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.mamori.identifiers.cpe.Cpe23;
import jp.mamori.matching.cpe.PlatformCpes;

/**
 * The platform of a whole asset: every CPE it is known by (the asset record's own CPE and every CPE
 * of its current SBOM — hardware, operating system, firmware). NVD's AND ("running on")
 * configurations are evaluated against it, so that firmware listed apart from its hardware still
 * meets "firmware running on hardware". For {@code mamori scan} the document is the platform.
 */
public final class Platform {

    /** No other part is known: a target is evaluated alone. */
    public static final Platform NONE = new Platform(List.of());

    /**
     * One CPE of the platform and where it comes from.
     *
     * @param cpe    the CPE 2.3 name as given
     * @param origin who carries it, for the evidence ("資産 vpn-gw-01", "component hw (Citrix ADC)")
     */
    public record Entry(String cpe, String origin) { }

    private final List<Entry> entries;
    /** Parsed and indexed on first use: one scan asks for it once per component. */
    private volatile PlatformCpes indexed;

    public Platform(List<Entry> entries) {
        this.entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public List<Entry> entries() { return entries; }

    /** The parsed CPEs indexed by product, built once per platform. */
    public PlatformCpes indexed() {
        PlatformCpes p = indexed;
        if (p == null) {
            p = new PlatformCpes(cpes());
            indexed = p;
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Platform other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() { return entries.hashCode(); }

    @Override
    public String toString() { return "Platform" + entries; }

    /** Every readable CPE once, in the given order; blank and unreadable CPEs are left out. */
    public static Platform of(List<Entry> entries) {
        Set<String> seen = new LinkedHashSet<>();
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.cpe() == null || e.cpe().isBlank() || Cpe23.tryParse(e.cpe()).isEmpty()) continue;
            if (seen.add(e.cpe().trim())) out.add(new Entry(e.cpe().trim(), e.origin()));
        }
        return new Platform(out);
    }

    /** The parsed CPEs of the platform. */
    public List<Cpe23> cpes() {
        List<Cpe23> out = new ArrayList<>();
        for (Entry e : entries) Cpe23.tryParse(e.cpe()).ifPresent(out::add);
        return out;
    }

    /** Where a CPE of the platform comes from. */
    public Optional<String> originOf(Cpe23 cpe) {
        for (Entry e : entries) {
            if (Cpe23.tryParse(e.cpe()).map(c -> c.equals(cpe)).orElse(false)) return Optional.ofNullable(e.origin());
        }
        return Optional.empty();
    }
}
