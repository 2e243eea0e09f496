package jp.mamori.identifiers.purl;

import java.util.Locale;

/**
 * Package names as OSV writes them, from either side: PyPI names normalised per PEP 503
 * (lowercase, runs of {@code -_.} become {@code -}); npm, NuGet and Packagist names lowercased
 * (case-insensitive registries); everything else kept as published.
 */
final class PackageNames {
    private PackageNames() { }

    /** Joins a purl's namespace and name the way the ecosystem names packages. */
    static String fromPurl(String ecosystem, String namespace, String name) {
        String base = baseOf(ecosystem);
        String joined;
        if (namespace == null || namespace.isEmpty() || isDistribution(base)) joined = name;
        else if (base.equals("Maven")) joined = namespace + ":" + name;
        else joined = namespace + "/" + name; // npm @scope/name, Go module paths, composer vendor/package
        return normalise(ecosystem, joined);
    }

    static String normalise(String ecosystem, String name) {
        String n = name.trim();
        switch (baseOf(ecosystem)) {
            case "PyPI":
                return n.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            case "npm":
            case "NuGet":
            case "Packagist":
                return n.toLowerCase(Locale.ROOT);
            default:
                return n;
        }
    }

    private static String baseOf(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
    }

    private static boolean isDistribution(String base) {
        switch (base) {
            case "Debian": case "Ubuntu": case "Alpine": case "Wolfi": case "Chainguard":
            case "Red Hat": case "Rocky Linux": case "AlmaLinux": case "SUSE": case "openSUSE":
                return true;
            default:
                return false;
        }
    }
}
