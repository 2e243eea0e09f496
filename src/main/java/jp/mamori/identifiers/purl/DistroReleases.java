package jp.mamori.identifiers.purl;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Release of a Linux distribution as OSV writes it in the ecosystem suffix, from a purl
 * {@code distro} qualifier, which tools write in many ways: {@code debian-12}, {@code debian-12.5},
 * {@code bookworm}, {@code ubuntu-22.04}, {@code jammy}, {@code esm-infra-legacy/trusty},
 * {@code alpine-3.16}, {@code 3.16.2}, {@code rocky-9.2}.
 */
final class DistroReleases {

    private static final Map<String, String> DEBIAN_CODENAMES = Map.ofEntries(
            Map.entry("wheezy", "7"), Map.entry("jessie", "8"), Map.entry("stretch", "9"),
            Map.entry("buster", "10"), Map.entry("bullseye", "11"), Map.entry("bookworm", "12"),
            Map.entry("trixie", "13"), Map.entry("forky", "14"), Map.entry("sid", "sid"));

    private static final Map<String, String> UBUNTU_CODENAMES = Map.ofEntries(
            Map.entry("trusty", "14.04"), Map.entry("xenial", "16.04"), Map.entry("bionic", "18.04"),
            Map.entry("focal", "20.04"), Map.entry("jammy", "22.04"), Map.entry("kinetic", "22.10"),
            Map.entry("lunar", "23.04"), Map.entry("mantic", "23.10"), Map.entry("noble", "24.04"),
            Map.entry("oracular", "24.10"), Map.entry("plucky", "25.04"));

    private static final Pattern NUMBERS = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?");

    private DistroReleases() { }

    /** "12" (major), "sid", or null. */
    static String debian(String distro) {
        String d = lastWord(distro, "debian");
        if (d == null) return null;
        if (DEBIAN_CODENAMES.containsKey(d)) return DEBIAN_CODENAMES.get(d);
        Matcher m = NUMBERS.matcher(d);
        return m.matches() ? m.group(1) : null;
    }

    /** "22.04" or null. */
    static String ubuntu(String distro) {
        String d = lastWord(distro, "ubuntu");
        if (d == null) return null;
        if (UBUNTU_CODENAMES.containsKey(d)) return UBUNTU_CODENAMES.get(d);
        Matcher m = NUMBERS.matcher(d);
        return m.matches() && m.group(2) != null ? m.group(1) + "." + m.group(2) : null;
    }

    /** "v3.16" or null. */
    static String alpine(String distro) {
        String d = lastWord(distro, "alpine");
        if (d == null) return null;
        Matcher m = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)*").matcher(d);
        return m.matches() ? "v" + m.group(1) + "." + m.group(2) : null;
    }

    /** Major release ("9") for Rocky Linux and AlmaLinux, or null. */
    static String major(String distro, String prefix) {
        String d = lastWord(distro, prefix);
        if (d == null) return null;
        Matcher m = Pattern.compile("(\\d+)(?:\\.\\d+)*").matcher(d);
        return m.matches() ? m.group(1) : null;
    }

    /** The part after the last '/', lowercased, without a "name-" prefix. */
    private static String lastWord(String distro, String prefix) {
        if (distro == null || distro.isBlank()) return null;
        String d = distro.trim().toLowerCase(Locale.ROOT);
        d = d.substring(d.lastIndexOf('/') + 1);
        if (d.startsWith(prefix + "-")) d = d.substring(prefix.length() + 1);
        return d.isEmpty() ? null : d;
    }
}
