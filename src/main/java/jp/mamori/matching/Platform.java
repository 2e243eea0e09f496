package jp.mamori.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /**
     * The entries' CPEs by their text, when {@link #of} has parsed them already: a scan's document has
     * thousands, and parsing each again for the index and for its own component's match was a tenth
     * of matching. Null for a platform made from unchecked entries.
     */
    private final Map<String, Cpe23> parsed;

    public Platform(List<Entry> entries) {
        this(entries, null);
    }

    private Platform(List<Entry> entries, Map<String, Cpe23> parsed) {
        this.entries = entries == null ? List.of() : List.copyOf(entries);
        this.parsed = parsed;
    }

    public List<Entry> entries() { return entries; }

    /** The parsed CPEs indexed by product, built once per platform. */
    public PlatformCpes indexed() {
        PlatformCpes p = indexed;
        if (p != null) return p;
        // Components of one document are matched on several threads at once: the index is built by
        // one of them (thousands of CPEs), and all share it and the criteria it has looked up.
        synchronized (this) {
            if (indexed == null) indexed = new PlatformCpes(cpes());
            return indexed;
        }
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
        Map<String, Cpe23> parsed = new HashMap<>();
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.cpe() == null || e.cpe().isBlank()) continue;
            String cpe = e.cpe().trim();
            if (parsed.containsKey(cpe)) continue;
            Optional<Cpe23> c = Cpe23.tryParse(cpe);
            if (c.isEmpty()) continue;
            parsed.put(cpe, c.get());
            out.add(new Entry(cpe, e.origin()));
        }
        return new Platform(out, parsed);
    }

    /** The parsed CPEs of the platform. */
    public List<Cpe23> cpes() {
        List<Cpe23> out = new ArrayList<>();
        for (Entry e : entries) parse(e.cpe()).ifPresent(out::add);
        return out;
    }

    /** {@link Cpe23#tryParse}, without parsing again a CPE that is one of the platform's own. */
    public Optional<Cpe23> parse(String cpe) {
        if (parsed != null && cpe != null) {
            Cpe23 known = parsed.get(cpe.trim());
            if (known != null) return Optional.of(known);
        }
        return Cpe23.tryParse(cpe);
    }

    /** Where a CPE of the platform comes from. */
    public Optional<String> originOf(Cpe23 cpe) {
        for (Entry e : entries) {
            if (parse(e.cpe()).map(c -> c.equals(cpe)).orElse(false)) return Optional.ofNullable(e.origin());
        }
        return Optional.empty();
    }
}
