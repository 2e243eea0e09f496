package jp.mamori.identifiers.purl;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Map;
import java.util.Optional;

/**
 * Where a component and an OSV advisory meet: ecosystem and package name as OSV names them, plus
 * the component's version. Built from a purl ({@link #fromPurl}) or from an OSV affected package
 * ({@link #fromOsv}); both normalise the same way, so {@link #lookupKey()} is equal for
 * {@code pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12} and OSV ("Debian:12", "openssl").
 *
 * @param ecosystem lookup ecosystem ("Maven", "PyPI", "Go", "Debian:12", "Ubuntu:22.04", "Alpine:v3.16", "Red Hat")
 * @param name      package name ("org.apache.logging.log4j:log4j-core", "@angular/core", "django-rest-framework")
 * @param version   the component's version (rpm/deb: with the purl's epoch qualifier folded in), null from OSV
 */
public record PurlKey(String ecosystem, String name, String version) {

    /** Empty when the purl is malformed, has no name, or its type has no OSV ecosystem. */
    public static Optional<PurlKey> fromPurl(String purl) {
        if (purl == null || purl.isBlank()) return Optional.empty();
        PackageURL p;
        try {
            p = new PackageURL(purl.trim());
        } catch (MalformedPackageURLException | RuntimeException e) {
            return Optional.empty();
        }
        Map<String, String> q = p.getQualifiers() == null ? Map.of() : p.getQualifiers();
        String ecosystem = OsvEcosystems.fromPurl(p.getType(), p.getNamespace(), q.get("distro"));
        if (ecosystem == null) return Optional.empty();
        String name = PackageNames.fromPurl(ecosystem, p.getNamespace(), p.getName());
        return Optional.of(new PurlKey(ecosystem, name, version(p, q)));
    }

    /**
     * The package name for people: a Go module path in the case the purl gave it
     * ({@code github.com/Masterminds/goutils}, although the key is lower case); otherwise the key's name.
     */
    public static String displayName(String purl, PurlKey key) {
        if (!"Go".equals(key.ecosystem()) || purl == null) return key.name();
        return PurlPath.of(purl).filter(path -> path.equalsIgnoreCase(key.name())).orElse(key.name());
    }

    /** The key of an OSV {@code affected[].package} (no version). */
    public static PurlKey fromOsv(String ecosystem, String name) {
        String e = OsvEcosystems.canonical(ecosystem);
        return new PurlKey(e, PackageNames.normalise(e, name), null);
    }

    /** "ecosystem|name": equal for a component and an advisory about the same package. */
    public String lookupKey() {
        return ecosystem + "|" + name;
    }

    public PurlKey withoutVersion() {
        return version == null ? this : new PurlKey(ecosystem, name, null);
    }

    /** rpm purls carry the epoch as a qualifier; OSV writes it in the version ("0:2.13.3-3.el8_6.1"). */
    private static String version(PackageURL p, Map<String, String> qualifiers) {
        String v = p.getVersion();
        String epoch = qualifiers.get("epoch");
        boolean distroPackage = "rpm".equals(p.getType()) || "deb".equals(p.getType());
        if (v != null && distroPackage && epoch != null && !epoch.isBlank() && !v.contains(":")) {
            return epoch.trim() + ":" + v;
        }
        return v;
    }
}
