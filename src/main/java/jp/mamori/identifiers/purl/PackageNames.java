package jp.mamori.identifiers.purl;

import java.util.Locale;

/**
 * Package names as OSV writes them, from either side: PyPI names normalised per PEP 503
 * (lowercase, runs of {@code -_.} become {@code -}); npm, NuGet and Packagist names lowercased
 * (case-insensitive registries); Go module paths lowercased (the purl library lowercases a golang
 * purl's namespace and name while OSV keeps the published case, and Go itself refuses two paths of one
 * build that differ only in case); everything else kept as published. The key is only where both sides
 * meet: what a person sees stays as the SBOM gave it ({@link PurlKey#displayName}).
 */
final class PackageNames {
    private PackageNames() { }

    /** PEP 503 runs of separators: compiled once (replaceAll compiled it per component and per affected package of a scan). */
    private static final java.util.regex.Pattern PEP503_SEPARATORS = java.util.regex.Pattern.compile("[-_.]+");

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
                return PEP503_SEPARATORS.matcher(n.toLowerCase(Locale.ROOT)).replaceAll("-");
            case "npm":
            case "Go":
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
