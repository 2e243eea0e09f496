package jp.mamori.matching.cpe;

import jp.mamori.identifiers.cpe.Cpe23;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ways an asset's CPE version may be read against criteria. Vendors and NVD place the same
 * information differently: NVD writes Ivanti "9.1R11.3" as version {@code 9.1} with update
 * {@code r11.3} and PAN-OS "10.2.0-h3" as {@code 10.2.0} / {@code h3}, while an asset register
 * usually holds the whole string in the version. So an asset whose update is unstated is also
 * read with the version split at its first letter or hyphen after a digit
 * ({@code 9.1R11.3 -> 9.1 + r11.3}, {@code 10.2.0-h3 -> 10.2.0 + h3}, {@code 13.1-49.15 -> 13.1 + 49.15},
 * {@code 2.0-beta9 -> 2.0 + beta9}). Ranges compare the whole string, version and update joined.
 *
 * @param version unescaped version as read
 * @param update  unescaped update as read ("*" when unstated)
 */
record AssetVersion(String version, String update) {

    private static final java.util.regex.Pattern LEADING_SEPARATORS = java.util.regex.Pattern.compile("^[-_ ]+");

    /** The readings of an asset CPE: as written, then split, when the update is unstated. */
    static List<AssetVersion> readings(Cpe23 asset) {
        List<AssetVersion> out = new ArrayList<>(2);
        out.add(new AssetVersion(asset.version(), asset.update()));
        if (!Cpe23.isConcrete(asset.update()) && Cpe23.isConcrete(asset.version())) {
            int cut = splitPoint(asset.version());
            if (cut > 0) {
                String suffix = LEADING_SEPARATORS.matcher(asset.version().substring(cut)).replaceFirst("");
                if (!suffix.isEmpty()) {
                    out.add(new AssetVersion(asset.version().substring(0, cut), suffix.toLowerCase(Locale.ROOT)));
                }
            }
        }
        return out;
    }

    /** Version and update as one string for range comparisons; null when the version is not stated. */
    static String full(Cpe23 asset) {
        if (!Cpe23.isConcrete(asset.version())) return null;
        if (!Cpe23.isConcrete(asset.update())) return asset.version();
        return asset.version() + "-" + asset.update();
    }

    /** Index of the first letter, '-', '_' or space that follows a digit; -1 when there is none. */
    private static int splitPoint(String version) {
        for (int i = 1; i < version.length(); i++) {
            char prev = version.charAt(i - 1);
            char c = version.charAt(i);
            if (prev >= '0' && prev <= '9' && (Character.isLetter(c) || c == '-' || c == '_' || c == ' ')) return i;
        }
        return -1;
    }
}
