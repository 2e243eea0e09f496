package jp.mamori.identifiers.cpe;

import java.util.Objects;
import java.util.Optional;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeBuilder;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;
import us.springett.parsers.cpe.exceptions.CpeValidationException;

/**
 * A CPE name (read from a CPE 2.3 formatted string or a 2.2 URI), parsed with cpe-parser. Accessors
 * return unescaped values; {@link #ANY} ({@code *}) and {@link #NA} ({@code -}) are the logical
 * values. Equality is on the 2.3 formatted string.
 */
public final class Cpe23 {

    public static final String ANY = "*";
    public static final String NA = "-";

    private final Cpe cpe;
    private final String formatted;

    private Cpe23(Cpe cpe) {
        this.cpe = cpe;
        this.formatted = cpe.toCpe23FS();
    }

    /**
     * @throws CpeFormatException when the string is not a CPE 2.3 formatted string or 2.2 URI
     */
    public static Cpe23 parse(String cpe) {
        if (cpe == null) throw new CpeFormatException(null, null);
        try {
            return new Cpe23(CpeParser.parse(cpe.trim(), true));
        } catch (CpeParsingException | RuntimeException e) {
            throw new CpeFormatException(cpe, e);
        }
    }

    public static Optional<Cpe23> tryParse(String cpe) {
        try {
            return Optional.of(parse(cpe));
        } catch (CpeFormatException e) {
            return Optional.empty();
        }
    }

    /** The same name with another version (unescaped, e.g. "13.1-49.15"); update and the rest are kept. */
    public Cpe23 withVersion(String version) {
        return withVersion(version, cpe.getUpdate());
    }

    /** The same name with another version and update (unescaped; "*" ANY, "-" NA). */
    public Cpe23 withVersion(String version, String update) {
        try {
            return new Cpe23(new CpeBuilder().part(cpe.getPart())
                    .wfVendor(cpe.getWellFormedVendor()).wfProduct(cpe.getWellFormedProduct())
                    .version(version).update(update)
                    .wfEdition(cpe.getWellFormedEdition()).wfLanguage(cpe.getWellFormedLanguage())
                    .wfSwEdition(cpe.getWellFormedSwEdition()).wfTargetSw(cpe.getWellFormedTargetSw())
                    .wfTargetHw(cpe.getWellFormedTargetHw()).wfOther(cpe.getWellFormedOther())
                    .build());
        } catch (CpeValidationException | RuntimeException e) {
            throw new CpeFormatException(formatted + " with version " + version, e);
        }
    }

    /** "a", "o", "h", or "*" / "-". */
    public String part() { return cpe.getPart().getAbbreviation(); }
    public String vendor() { return cpe.getVendor(); }
    public String product() { return cpe.getProduct(); }
    // Unescaped once: matching reads an asset's version and update for every criterion of its product.
    private String version;
    private String update;

    public String version() {
        String v = version;
        if (v == null) version = v = cpe.getVersion();
        return v;
    }

    public String update() {
        String u = update;
        if (u == null) update = u = cpe.getUpdate();
        return u;
    }
    public String edition() { return cpe.getEdition(); }
    public String language() { return cpe.getLanguage(); }
    public String swEdition() { return cpe.getSwEdition(); }
    public String targetSw() { return cpe.getTargetSw(); }
    public String targetHw() { return cpe.getTargetHw(); }
    public String other() { return cpe.getOther(); }

    /** The attribute as cpe-parser's well-formed name holds it (escaped, for name matching). */
    public String wellFormed(CpeAttribute attribute) {
        return attribute.wellFormed(cpe);
    }

    /** True when the value is a real value rather than ANY or NA. */
    public static boolean isConcrete(String value) {
        return value != null && !value.isEmpty() && !ANY.equals(value) && !NA.equals(value);
    }

    public CpeKey key() {
        return CpeKey.of(this);
    }

    /** The CPE 2.3 formatted string. */
    @Override
    public String toString() {
        return formatted;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cpe23 other && formatted.equals(other.formatted);
    }

    @Override
    public int hashCode() {
        return Objects.hash(formatted);
    }
}
