package jp.mamori.inventory.sbom;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jp.mamori.inventory.sbom.json.JsonInput;
import jp.mamori.inventory.sbom.xml.XmlGate;

/**
 * Tells formats apart by content, never by file name (vendors rename files, and a ".json" may hold
 * anything). Formats Mamori does not read are named in the refusal, with what to send instead.
 */
final class FormatDetector {
    private static final String SEND_INSTEAD = "; please ask for CycloneDX (JSON or XML) or SPDX 2.3 (JSON or tag-value)";
    /** Said first when a document is not an SBOM at all, so that nobody reads the rest as a parser's complaint. */
    private static final String NOT_SBOM = "SBOMではありません / not an SBOM: ";

    /** A detected format, and for XML the document element's namespace (CycloneDX encodes its version there). */
    record Detected(SbomFormat format, String xmlNamespace) { }

    private FormatDetector() { }

    static Detected detect(byte[] b, String file, SbomLimits limits) throws SbomFormatException {
        if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) return new Detected(SbomFormat.VENDOR_XLSX, null);
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new SbomFormatException(file, null, "Excel 97-2003（.xls）は読めません。.xlsxかCSVで保存してください / Excel 97-2003 (.xls) workbooks are not read; save the table as .xlsx or CSV");
        }
        if (startsWith(b, 0x1F, 0x8B)) {
            throw new SbomFormatException(file, null, "gzipで圧縮されています。展開してから渡してください / gzip-compressed; decompress the file first");
        }
        String wide = wideEncoding(b);
        if (wide != null && firstWideChar(b, wide) != '<') {
            // a UTF-16 JSON or CSV would otherwise read as a "bad vendor table" (issue 18.10); UTF-16 XML declares itself
            throw new SbomFormatException(file, null, wide + " には対応していません。UTF-8 で保存してください / " + wide
                    + " is not supported, save the file as UTF-8");
        }
        int i = skipBomAndSpace(b);
        if (i < b.length && b[i] == '{') return json(b, file, limits);
        if (i < b.length && b[i] == '<') return xml(b, file, limits);
        return text(b, file);
    }

    private static Detected json(byte[] b, String file, SbomLimits limits) throws SbomFormatException {
        JsonParser p = JsonInput.parser(b, limits);
        try (p) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "bomFormat" -> { return new Detected(SbomFormat.CYCLONEDX_JSON, null); }
                    case "spdxVersion" -> {
                        String v = p.getValueAsString("");
                        if (v.startsWith("SPDX-2")) return new Detected(SbomFormat.SPDX_JSON, null);
                        throw new SbomFormatException(file, "/spdxVersion", "SPDX version '" + v + "' is not supported"
                                + SEND_INSTEAD);
                    }
                    case "@context", "@graph" -> throw new SbomFormatException(file, "/" + field,
                            "JSON-LD (SPDX 3) documents are not supported" + SEND_INSTEAD);
                    default -> p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            throw JsonInput.error(file, e, p);
        } catch (IOException e) {
            throw new SbomFormatException(file, null, "unreadable JSON: " + e.getMessage(), e);
        }
        throw new SbomFormatException(file, null, NOT_SBOM + "JSON document is neither CycloneDX (no \"bomFormat\") nor SPDX 2"
                + " (no \"spdxVersion\")");
    }

    private static Detected xml(byte[] b, String file, SbomLimits limits) throws SbomFormatException {
        XmlGate.Root root = XmlGate.scan(b, file, limits);
        String ns = root.namespace() == null ? "" : root.namespace();
        if (ns.startsWith("http://cyclonedx.org/schema/bom/")) return new Detected(SbomFormat.CYCLONEDX_XML, ns);
        if (root.localName().equals("RDF")) {
            throw new SbomFormatException(file, "element /RDF", "SPDX RDF/XML documents are not supported" + SEND_INSTEAD);
        }
        if (root.localName().equals("Document") || root.localName().equals("SpdxDocument")) {
            throw new SbomFormatException(file, "element /" + root.localName(), "SPDX XML documents are not supported"
                    + SEND_INSTEAD);
        }
        throw new SbomFormatException(file, "element /" + root.localName(), NOT_SBOM + "XML document is not CycloneDX (root element '"
                + root.localName() + "' in namespace '" + ns + "')");
    }

    /** Tag-value has "SPDXVersion:" lines; SPDX YAML has "spdxVersion:"; anything else may be a CSV table. */
    private static Detected text(byte[] b, String file) throws SbomFormatException {
        String head = new String(b, 0, Math.min(b.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        for (String line : head.split("\r\n|\n|\r")) {
            String l = line.strip();
            if (l.startsWith("SPDXVersion:")) return new Detected(SbomFormat.SPDX_TAG_VALUE, null);
            if (l.startsWith("spdxVersion:")) {
                throw new SbomFormatException(file, null, "SPDX YAML documents are not supported" + SEND_INSTEAD);
            }
        }
        return new Detected(SbomFormat.VENDOR_CSV, null);
    }

    /** "UTF-16" / "UTF-32" when the bytes are in one of them (by BOM, or NUL bytes beside ASCII), else null. */
    static String wideEncoding(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) return "UTF-32";
        if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE)) return "UTF-16";
        if (b.length >= 4 && ((b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) || (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0))) return "UTF-32";
        if (b.length >= 2 && ((b[0] == 0 && b[1] != 0) || (b[0] != 0 && b[1] == 0))) return "UTF-16";
        return null;
    }

    private static char firstWideChar(byte[] b, String wide) {
        int unit = wide.equals("UTF-32") ? 4 : 2;
        for (int i = 0; i + unit <= b.length; i += unit) {
            int c = 0;
            for (int k = 0; k < unit; k++) c |= b[i + k] & 0xFF; // ASCII sits in one byte of the unit, whichever the order
            if (c == 0xFE || c == 0xFF || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0) continue;
            return (char) c;
        }
        return 0;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    private static int skipBomAndSpace(byte[] b) {
        int i = startsWith(b, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) i++;
        return i;
    }
}
