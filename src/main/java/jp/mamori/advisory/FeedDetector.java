package jp.mamori.advisory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import jp.mamori.advisory.feed.FeedInputs;
import jp.mamori.advisory.feed.JsonShape;

/**
 * Tells which feed format a file is in from its first bytes, so that {@code mamori feeds import}
 * works without {@code --source}. JSON is recognised by its first keys (see {@link FeedFormat} for
 * the key of each format), XML by its root element and namespaces, CSV by its header or EPSS
 * comment line, zip by its magic number. Gzip is undone first ({@link FeedInputs#open(Path)}).
 * Nothing is parsed in full; a file that a parser later finds malformed may still be detected.
 */
public final class FeedDetector {
    /** How much of a file is looked at. Every format names itself within its first few hundred bytes. */
    public static final int PREFIX_BYTES = 256 * 1024;

    /** The detected format and, for messages, the evidence it was detected by. */
    public record Detection(FeedFormat format, String reason) {
        public Source source() { return format.source(); }

        public boolean known() { return format != FeedFormat.UNKNOWN; }
    }

    private FeedDetector() { }

    /** Detects the format of a file, looking through gzip. */
    public static Detection detect(Path file) throws IOException {
        try (InputStream in = FeedInputs.open(file)) {
            Detection d = detect(in.readNBytes(PREFIX_BYTES));
            if (d.format() == FeedFormat.UNKNOWN && d.reason().startsWith(CDX_NO_VULNS_IN_PREFIX)) {
                // a big SBOM may list its vulnerabilities after the components: look at the whole
                try (InputStream whole = FeedInputs.open(file)) {
                    JsonShape shape = JsonShape.of(whole);
                    if (shape.has("vulnerabilities")) return new Detection(FeedFormat.CYCLONEDX_VEX, "CycloneDX with vulnerabilities");
                    if (shape.complete()) return unknown(CDX_SBOM);
                }
            }
            return d;
        }
    }

    /** Detects from the first bytes of a document (at most {@link #PREFIX_BYTES} are needed). */
    public static Detection detect(byte[] prefix) {
        int i = skipBomAndSpace(prefix);
        if (i >= prefix.length) return unknown("empty file");
        if (prefix.length >= 4 && prefix[0] == 'P' && prefix[1] == 'K' && prefix[2] == 3 && prefix[3] == 4) {
            return new Detection(FeedFormat.ZIP, "zip archive");
        }
        if ((prefix[0] & 0xff) == 0x1f && prefix.length > 1 && (prefix[1] & 0xff) == 0x8b) {
            return unknown("gzip data: open it with FeedInputs.open to detect its content");
        }
        byte first = prefix[i];
        if (first == '{' || first == '[') {
            return json(JsonShape.of(new ByteArrayInputStream(prefix, i, prefix.length - i)));
        }
        String text = new String(prefix, i, Math.min(prefix.length - i, PREFIX_BYTES), java.nio.charset.StandardCharsets.UTF_8);
        if (first == '<') return xml(text);
        return csv(text);
    }

    private static final String CDX_NO_VULNS_IN_PREFIX = "CycloneDX document without vulnerabilities";
    private static final String CDX_SBOM = "CycloneDX SBOM without vulnerabilities (an SBOM, not a feed)";

    static Detection json(JsonShape s) {
        if (s.isArray()) {
            Set<String> k = s.firstElementKeys("");
            if (k.contains("id") && (k.contains("modified") || k.contains("affected") || k.contains("schema_version"))) {
                return new Detection(FeedFormat.OSV, "array of OSV records");
            }
            return unknown("JSON array whose first element has keys " + k);
        }
        if ("CVE_RECORD".equals(s.value("dataType")) || (s.has("cveMetadata") && s.has("containers"))) {
            return new Detection(FeedFormat.CVE5, "dataType CVE_RECORD");
        }
        if (s.has("catalogVersion") || s.firstElementKeys("vulnerabilities").contains("cveID")) {
            return new Detection(FeedFormat.KEV_JSON, "KEV catalogVersion");
        }
        String format = s.value("format");
        if (format != null && format.startsWith("NVD_")) {
            return "NVD_CVE".equals(format) ? new Detection(FeedFormat.NVD_API_RESPONSE, "NVD API format NVD_CVE")
                    : unknown("NVD API response of format " + format + ", not a CVE feed");
        }
        if (s.has("resultsPerPage") && s.firstElementKeys("vulnerabilities").contains("cve")) {
            return new Detection(FeedFormat.NVD_API_RESPONSE, "resultsPerPage with vulnerabilities[].cve");
        }
        if (s.has("id") && (s.has("sourceIdentifier") || s.has("vulnStatus"))) {
            return new Detection(FeedFormat.NVD_CVE, "NVD cve object (id, sourceIdentifier/vulnStatus)");
        }
        if (s.keys().equals(Set.of("cve")) && s.childKeys("cve").contains("id")) {
            return new Detection(FeedFormat.NVD_CVE, "NVD {\"cve\": {...}} wrapper");
        }
        if (s.childValue("document", "csaf_version") != null) {
            return new Detection(FeedFormat.CSAF, "document.csaf_version " + s.childValue("document", "csaf_version"));
        }
        String context = s.value("@context");
        if (context != null && context.toLowerCase(Locale.ROOT).contains("openvex")) {
            return new Detection(FeedFormat.OPENVEX, "@context " + context);
        }
        if ("CycloneDX".equalsIgnoreCase(s.value("bomFormat"))) {
            if (s.has("vulnerabilities")) return new Detection(FeedFormat.CYCLONEDX_VEX, "CycloneDX with vulnerabilities");
            return unknown(s.complete() ? CDX_SBOM
                    : CDX_NO_VULNS_IN_PREFIX + " in its first " + PREFIX_BYTES + " bytes");
        }
        if (s.has("id") && (s.has("schema_version") || s.has("affected") || s.has("modified"))) {
            return new Detection(FeedFormat.OSV, "OSV id with schema_version/affected/modified");
        }
        if (s.firstElementKeys("vulns").contains("id")) return new Detection(FeedFormat.OSV, "OSV API vulns[]");
        if ((s.has("cve") && s.has("epss")) || s.firstElementKeys("data").contains("epss")) {
            return new Detection(FeedFormat.EPSS_JSON, "EPSS cve/epss/percentile");
        }
        return unknown("JSON object with keys " + abbreviate(String.join(", ", s.keys())));
    }

    static Detection xml(String text) {
        String root = rootElement(text);
        if (root == null) return unknown("XML without a root element in the first " + PREFIX_BYTES + " bytes");
        String local = root.substring(root.indexOf(':') + 1);
        if (local.equals("VULDEF-Document")) return new Detection(FeedFormat.JVN_XML, "VULDEF-Document");
        if ((local.equals("RDF") || local.equals("rss")) && text.contains("http://jvn.jp/rss/mod_sec/")) {
            return new Detection(FeedFormat.JVN_XML, "JVNRSS (" + root + " with the sec: namespace)");
        }
        if (local.equals("bom") && text.contains("cyclonedx.org/schema/bom")) {
            return text.contains("<vulnerabilities") ? new Detection(FeedFormat.CYCLONEDX_VEX, "CycloneDX XML with vulnerabilities")
                    : unknown("CycloneDX XML SBOM without vulnerabilities (an SBOM, not a feed)");
        }
        return unknown("XML with root element " + root);
    }

    static Detection csv(String text) {
        int pos = 0;
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            String line = (end < 0 ? text.substring(pos) : text.substring(pos, end)).trim();
            pos = end < 0 ? text.length() : end + 1;
            if (line.isEmpty()) continue;
            if (line.startsWith("#")) {
                if (line.startsWith("#model_version")) return new Detection(FeedFormat.EPSS_CSV, "EPSS #model_version line");
                continue;
            }
            String header = line.toLowerCase(Locale.ROOT).replace("\"", "");
            if (header.startsWith("cve,epss,percentile")) return new Detection(FeedFormat.EPSS_CSV, "EPSS header " + line);
            if (header.startsWith("cveid,") && header.contains("vendorproject") && header.contains("dateadded")) {
                return new Detection(FeedFormat.KEV_CSV, "KEV CSV header");
            }
            return unknown("text whose first line is '" + abbreviate(line) + "'");
        }
        return unknown("only comments or blank lines");
    }

    /** The name of the first element that is not a declaration, comment, DOCTYPE or processing instruction. */
    private static String rootElement(String text) {
        int pos = 0;
        while (true) {
            int lt = text.indexOf('<', pos);
            if (lt < 0 || lt + 1 >= text.length()) return null;
            char c = text.charAt(lt + 1);
            if (c == '?' || c == '!') {
                String close = text.startsWith("<!--", lt) ? "-->" : ">";
                int end = text.indexOf(close, lt + 2);
                if (end < 0) return null;
                pos = end + close.length();
                continue;
            }
            int end = lt + 1;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                    && text.charAt(end) != '>' && text.charAt(end) != '/') end++;
            return text.substring(lt + 1, end);
        }
    }

    private static int skipBomAndSpace(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) i = 3;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) i++;
        return i;
    }

    private static Detection unknown(String reason) {
        return new Detection(FeedFormat.UNKNOWN, reason);
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
