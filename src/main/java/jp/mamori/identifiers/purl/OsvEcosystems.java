package jp.mamori.identifiers.purl;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ecosystem under which advisories and components meet: the OSV ecosystem name, reduced to
 * what a component's purl can tell. Debian and Alpine keep their release ("Debian:12",
 * "Alpine:v3.16"); Ubuntu keeps its release but drops ":LTS" and ":Pro:" ("Ubuntu:22.04"; an ESM
 * fix still names an affected package); Red Hat, SUSE and openSUSE drop the product stream, which
 * a purl does not carry (the caller narrows by stream if it knows it); repository URL suffixes
 * ("Maven:https://maven.google.com") are dropped.
 */
final class OsvEcosystems {

    private static final Map<String, String> LANGUAGE_TYPES = Map.ofEntries(
            Map.entry("maven", "Maven"), Map.entry("npm", "npm"), Map.entry("pypi", "PyPI"),
            Map.entry("golang", "Go"), Map.entry("cargo", "crates.io"), Map.entry("nuget", "NuGet"),
            Map.entry("gem", "RubyGems"), Map.entry("composer", "Packagist"), Map.entry("hex", "Hex"),
            Map.entry("pub", "Pub"), Map.entry("hackage", "Hackage"), Map.entry("cran", "CRAN"),
            Map.entry("swift", "SwiftURL"), Map.entry("conan", "ConanCenter"), Map.entry("bitnami", "Bitnami"),
            Map.entry("githubactions", "GitHub Actions"));

    private static final Pattern UBUNTU_RELEASE = Pattern.compile("\\d{2}\\.\\d{2}");

    private OsvEcosystems() { }

    /** Lookup ecosystem for a purl, or null when OSV has no ecosystem for it. */
    static String fromPurl(String type, String namespace, String distro) {
        String t = type.toLowerCase(Locale.ROOT);
        if (LANGUAGE_TYPES.containsKey(t)) return LANGUAGE_TYPES.get(t);
        String ns = namespace == null ? "" : namespace.toLowerCase(Locale.ROOT);
        switch (t) {
            case "deb":
                if (ns.equals("debian")) return withRelease("Debian", DistroReleases.debian(distro));
                if (ns.equals("ubuntu")) return withRelease("Ubuntu", DistroReleases.ubuntu(distro));
                return null;
            case "rpm":
                switch (ns) {
                    case "redhat": return "Red Hat";
                    case "rocky": case "rocky-linux": return withRelease("Rocky Linux", DistroReleases.major(distro, "rocky"));
                    case "almalinux": return withRelease("AlmaLinux", DistroReleases.major(distro, "almalinux"));
                    case "suse": case "sles": return "SUSE";
                    case "opensuse": return "openSUSE";
                    default: return null;
                }
            case "apk":
                if (ns.equals("alpine")) return withRelease("Alpine", DistroReleases.alpine(distro));
                if (ns.equals("wolfi")) return "Wolfi";
                if (ns.equals("chainguard")) return "Chainguard";
                return null;
            default:
                return null;
        }
    }

    /** Lookup ecosystem for an ecosystem string as OSV publishes it. */
    static String canonical(String osvEcosystem) {
        String e = osvEcosystem.trim();
        int colon = e.indexOf(':');
        if (colon < 0) return e;
        String base = e.substring(0, colon);
        String rest = e.substring(colon + 1);
        if (rest.contains("://")) return base;
        switch (base) {
            case "Red Hat":
            case "SUSE":
            case "openSUSE":
                return base;
            case "Ubuntu":
                Matcher m = UBUNTU_RELEASE.matcher(rest);
                return m.find() ? base + ":" + m.group() : base;
            default:
                return e;
        }
    }

    private static String withRelease(String ecosystem, String release) {
        return release == null ? ecosystem : ecosystem + ":" + release;
    }
}
