package jp.mamori.matching.version;

import java.util.Locale;
import java.util.Map;

/**
 * The one place that decides which ordering applies to a version: by OSV ecosystem, by purl type,
 * or for CPE criteria. Anything not known falls back to {@link GenericScheme}, which orders
 * appliance and most dotted versions sensibly; callers show the scheme id in match evidence so
 * that a fallback is visible.
 */
public final class VersionSchemes {

    /** OSV ecosystem base name (before any ":release" suffix), lowercased, to scheme. */
    private static final Map<String, VersionScheme> BY_ECOSYSTEM = Map.ofEntries(
            Map.entry("maven", MavenScheme.INSTANCE),
            Map.entry("npm", SemverScheme.INSTANCE),
            Map.entry("pypi", Pep440Scheme.INSTANCE),
            Map.entry("go", GoScheme.INSTANCE),
            Map.entry("debian", DebianScheme.INSTANCE),
            Map.entry("ubuntu", DebianScheme.INSTANCE),
            Map.entry("alpine", ApkScheme.INSTANCE),
            Map.entry("wolfi", ApkScheme.INSTANCE),
            Map.entry("chainguard", ApkScheme.INSTANCE),
            Map.entry("red hat", RpmScheme.INSTANCE),
            Map.entry("rocky linux", RpmScheme.INSTANCE),
            Map.entry("almalinux", RpmScheme.INSTANCE),
            Map.entry("suse", RpmScheme.INSTANCE),
            Map.entry("opensuse", RpmScheme.INSTANCE),
            Map.entry("mageia", RpmScheme.INSTANCE),
            Map.entry("openeuler", RpmScheme.INSTANCE),
            Map.entry("photon os", RpmScheme.INSTANCE),
            // Cargo, Dart and Hex enforce SemVer; NuGet (four parts), RubyGems ("1.0.0.pre") and
            // Packagist ("v1.2", "1.0.0-beta1") only resemble it, the generic order fits them better.
            Map.entry("crates.io", SemverScheme.INSTANCE),
            Map.entry("pub", SemverScheme.INSTANCE),
            Map.entry("hex", SemverScheme.INSTANCE),
            Map.entry("swifturl", SemverScheme.INSTANCE));

    /** purl type (lowercase) to the OSV ecosystem base name whose scheme it uses. */
    private static final Map<String, String> PURL_TYPE_TO_ECOSYSTEM = Map.ofEntries(
            Map.entry("maven", "maven"), Map.entry("npm", "npm"), Map.entry("pypi", "pypi"),
            Map.entry("golang", "go"), Map.entry("deb", "debian"), Map.entry("rpm", "red hat"),
            Map.entry("apk", "alpine"), Map.entry("cargo", "crates.io"), Map.entry("pub", "pub"),
            Map.entry("hex", "hex"), Map.entry("swift", "swifturl"));

    private VersionSchemes() { }

    /**
     * Scheme for an OSV ecosystem as published: "Maven", "PyPI", "Debian:12", "Ubuntu:Pro:18.04:LTS",
     * "Red Hat:rhel_aus:8.6::appstream", "Alpine:v3.16"... Unknown or null: generic.
     */
    public static VersionScheme forEcosystem(String osvEcosystem) {
        if (osvEcosystem == null) return GenericScheme.INSTANCE;
        String base = osvEcosystem;
        int colon = base.indexOf(':');
        if (colon >= 0) base = base.substring(0, colon);
        return BY_ECOSYSTEM.getOrDefault(base.trim().toLowerCase(Locale.ROOT), GenericScheme.INSTANCE);
    }

    /** Scheme for a purl type ("maven", "golang", "deb", ...). Unknown or null: generic. */
    public static VersionScheme forPurlType(String type) {
        if (type == null) return GenericScheme.INSTANCE;
        String ecosystem = PURL_TYPE_TO_ECOSYSTEM.get(type.trim().toLowerCase(Locale.ROOT));
        return ecosystem == null ? GenericScheme.INSTANCE : BY_ECOSYSTEM.get(ecosystem);
    }

    /** NVD CPE criteria carry vendor version strings: always the generic order. */
    public static VersionScheme forCpe() {
        return GenericScheme.INSTANCE;
    }

    /** OSV SEMVER ranges: SemVer, but Go writes its module versions with a "v" and Go toolchain names. */
    public static VersionScheme forSemverRange(String osvEcosystem) {
        return forEcosystem(osvEcosystem) == GoScheme.INSTANCE ? GoScheme.INSTANCE : SemverScheme.INSTANCE;
    }
}
