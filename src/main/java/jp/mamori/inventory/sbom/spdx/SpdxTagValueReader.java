package jp.mamori.inventory.sbom.spdx;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.SbomFormatException;

/**
 * SPDX 2.2/2.3 tag-value ("Tag: value" lines, multi-line values in {@code <text>...</text>}), read by
 * hand: the format is line-oriented and the parts Mamori needs are a dozen tags. Why not the SPDX
 * library: see docs/adr/0005-spdx-parsing.md.
 */
public final class SpdxTagValueReader {
    private static final Pattern TAG = Pattern.compile("^([A-Za-z][A-Za-z0-9_-]*)\\s*:\\s?(.*)$");
    private static final Pattern CHECKSUM = Pattern.compile("^\\s*([A-Za-z0-9_-]+)\\s*:\\s*(\\S+)\\s*$");

    private enum Section { DOCUMENT, PACKAGE, OTHER }

    public SbomDocument read(byte[] bytes, String file) throws SbomFormatException {
        String text = decode(bytes, file);
        String spdxVersion = null;
        String documentId = null;
        String name = null;
        String namespace = null;
        List<SpdxPackage> packages = new ArrayList<>();
        List<SpdxRelationship> relationships = new ArrayList<>();
        Section section = Section.DOCUMENT;
        SpdxPackage pkg = null;

        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            Matcher m = TAG.matcher(line);
            if (!m.matches()) throw new SbomFormatException(file, "line " + lineNo, "expected 'Tag: value', found '" + abbreviate(line) + "'");
            String tag = m.group(1);
            String value = m.group(2).strip();
            if (value.startsWith("<text>")) {
                StringBuilder sb = new StringBuilder(value.substring("<text>".length()));
                int start = lineNo;
                while (sb.indexOf("</text>") < 0) {
                    if (++i >= lines.length) throw new SbomFormatException(file, "line " + start, "<text> is never closed by </text>");
                    sb.append('\n').append(lines[i]);
                }
                value = sb.substring(0, sb.indexOf("</text>")).strip();
            }
            String place = "line " + lineNo;
            switch (tag) {
                case "SPDXVersion" -> spdxVersion = value;
                case "DocumentName" -> name = value;
                case "DocumentNamespace" -> namespace = value;
                case "PackageName" -> {
                    pkg = new SpdxPackage(place);
                    pkg.name = value;
                    packages.add(pkg);
                    section = Section.PACKAGE;
                }
                case "FileName", "SnippetSPDXID", "LicenseID", "Annotator", "Reviewer" -> section = Section.OTHER;
                case "SPDXID" -> {
                    if (section == Section.DOCUMENT && documentId == null) documentId = value;
                    else if (section == Section.PACKAGE && pkg.ref == null) pkg.ref = value;
                }
                case "Relationship" -> {
                    String[] parts = value.split("\\s+");
                    if (parts.length < 3) throw new SbomFormatException(file, place, "Relationship needs 'element TYPE element'");
                    relationships.add(new SpdxRelationship(parts[0], parts[1], parts[2]));
                }
                default -> {
                    if (section == Section.PACKAGE) packageTag(pkg, tag, value, place, file);
                }
            }
        }
        for (SpdxPackage p : packages) {
            if (p.ref == null) throw new SbomFormatException(file, p.place, "package '" + p.name + "' has no SPDXID");
        }
        String version = SpdxVersions.check(spdxVersion, file, "SPDXVersion");
        return SpdxAssembler.assemble(file, version, documentId == null ? "SPDXRef-DOCUMENT" : documentId, name,
                namespace, List.of(), packages, relationships, new ArrayList<>());
    }

    private static void packageTag(SpdxPackage p, String tag, String value, String place, String file)
            throws SbomFormatException {
        switch (tag) {
            case "PackageVersion" -> p.version = value;
            case "PackageSupplier" -> p.supplier = value;
            case "PackageOriginator" -> p.originator = value;
            case "PackageHomePage" -> p.homepage = value;
            case "PackageDownloadLocation" -> p.downloadLocation = value;
            case "PrimaryPackagePurpose" -> p.purpose = value;
            case "PackageLicenseConcluded" -> p.licenseConcluded = value;
            case "PackageLicenseDeclared" -> p.licenseDeclared = value;
            case "PackageChecksum" -> {
                Matcher c = CHECKSUM.matcher(value);
                if (!c.matches()) throw new SbomFormatException(file, place, "PackageChecksum needs 'ALGORITHM: value'");
                p.checksum(c.group(1), c.group(2));
            }
            case "ExternalRef" -> {
                String[] parts = value.split("\\s+", 3);
                if (parts.length < 3) throw new SbomFormatException(file, place, "ExternalRef needs 'CATEGORY type locator'");
                p.externalRef(parts[1], parts[2]);
            }
            default -> { }
        }
    }

    /** SPDX tag-value is UTF-8 by specification; anything else is reported rather than guessed. */
    private static String decode(byte[] bytes, String file) throws SbomFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString().replaceFirst("^\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new SbomFormatException(file, null, "SPDX tag-value must be UTF-8: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
