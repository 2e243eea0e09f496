package jp.mamori.inventory.sbom.spdx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.Hashes;
import jp.mamori.inventory.sbom.IdentifierOrigin;
import jp.mamori.inventory.sbom.Text;

/** One SPDX package as collected from JSON or tag-value, before the document's relationships are known. */
final class SpdxPackage {
    private static final Pattern TRAILING_CONTACT = Pattern.compile("\\s*\\([^()]*\\)\\s*$");

    String ref;
    String name;
    String version;
    String supplier;
    String originator;
    String purl;
    String cpe23;
    String cpe22;
    String homepage;
    String downloadLocation;
    String purpose;
    String licenseConcluded;
    String licenseDeclared;
    final Map<String, String> hashes = new LinkedHashMap<>();
    /** Where the package starts in the file, for error messages. */
    final String place;

    SpdxPackage(String place) {
        this.place = place;
    }

    void checksum(String algorithm, String value) {
        if (Text.clean(algorithm) != null && Text.clean(value) != null) {
            hashes.putIfAbsent(Hashes.algorithm(algorithm), Hashes.value(value));
        }
    }

    /** referenceType "purl", "cpe23Type", "cpe22Type"; others (swid, advisory, ...) carry nothing Mamori matches on. */
    void externalRef(String type, String locator) {
        String loc = Text.clean(locator);
        if (type == null || loc == null) return;
        switch (type.strip()) {
            case "purl" -> { if (purl == null) purl = loc; }
            case "cpe23Type" -> { if (cpe23 == null) cpe23 = loc; }
            case "cpe22Type" -> { if (cpe22 == null) cpe22 = loc; }
            default -> { }
        }
    }

    Component toComponent(boolean topLevel) {
        List<String> licenses = new ArrayList<>();
        for (String l : new String[] {Text.cleanSpdx(licenseConcluded), Text.cleanSpdx(licenseDeclared)}) {
            if (l != null && !licenses.contains(l)) licenses.add(l);
        }
        return new Component(ref, null, type(), null, name, Text.cleanSpdx(version),
                Text.firstOf(party(supplier), party(originator)), purl, Text.firstOf(cpe23, cpe22), hashes, licenses,
                Text.firstOf(Text.cleanSpdx(homepage), Text.cleanSpdx(downloadLocation)), IdentifierOrigin.DECLARED,
                topLevel);
    }

    /** SPDX 2.3 primaryPackagePurpose ("OPERATING-SYSTEM") in CycloneDX's spelling; unknown before 2.3. */
    private String type() {
        String p = Text.clean(purpose);
        return p == null ? null : p.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "Organization: ACME Corp (ops@acme.example)" → "ACME Corp". */
    static String party(String raw) {
        String s = Text.cleanSpdx(raw);
        if (s == null) return null;
        for (String prefix : new String[] {"Organization:", "Person:", "Tool:"}) {
            if (s.regionMatches(true, 0, prefix, 0, prefix.length())) {
                s = s.substring(prefix.length());
                break;
            }
        }
        s = TRAILING_CONTACT.matcher(s).replaceFirst("");
        return Text.cleanSpdx(s);
    }
}
