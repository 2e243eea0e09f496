package jp.mamori.advisory.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Lightweight streaming reads of downloaded documents: only the few fields sync needs (paging,
 * status) and a check that the document is whole and of the expected kind, so that an HTML error
 * page or a truncated download is never stored or handed to the importer. Independent of the parsers.
 */
final class DocumentProbe {

    private static final JsonFactory JSON = new JsonFactory();

    private DocumentProbe() { }

    /** The document is not what the request should have returned. */
    static final class ProbeException extends IOException {
        ProbeException(String message) { super(message); }

        ProbeException(String message, Throwable cause) { super(message, cause); }
    }

    /** NVD CVE API 2.0 page: the paging fields and the number of {@code vulnerabilities[]} in it. */
    record NvdPage(int resultsPerPage, int startIndex, int totalResults, int count) { }

    static NvdPage nvdPage(Path file) throws IOException {
        int resultsPerPage = -1;
        int startIndex = -1;
        int totalResults = -1;
        int count = -1;
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new ProbeException("not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "resultsPerPage" -> resultsPerPage = intValue(p, t, name);
                    case "startIndex" -> startIndex = intValue(p, t, name);
                    case "totalResults" -> totalResults = intValue(p, t, name);
                    case "vulnerabilities" -> {
                        if (t != JsonToken.START_ARRAY) throw new ProbeException("/vulnerabilities is not an array");
                        count = elements(p);
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) throw new ProbeException("unexpected JSON structure");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProbeException("not valid JSON (truncated?): " + e.getOriginalMessage(), e);
        }
        if (totalResults < 0) throw new ProbeException("no totalResults: not an NVD CVE API 2.0 response");
        if (count < 0) throw new ProbeException("no vulnerabilities array: not an NVD CVE API 2.0 response");
        return new NvdPage(resultsPerPage < 0 ? count : resultsPerPage, Math.max(0, startIndex), totalResults, count);
    }

    /** How many elements the array the parser stands at the start of has; the parser is left at its end. */
    private static int elements(JsonParser p) throws IOException {
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            n++;
            p.skipChildren();
        }
        return n;
    }

    private static int intValue(JsonParser p, JsonToken t, String name) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) throw new ProbeException("/" + name + " is not an integer");
        return p.getIntValue();
    }

    /** CISA KEV catalogue: the number of entries and the catalogue version. */
    record KevCatalog(String catalogVersion, int count) { }

    static KevCatalog kev(Path file) throws IOException {
        String version = null;
        int count = -1;
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new ProbeException("not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("catalogVersion".equals(name) && t == JsonToken.VALUE_STRING) {
                    version = p.getText();
                } else if ("vulnerabilities".equals(name) && t == JsonToken.START_ARRAY) {
                    count = elements(p);
                } else {
                    p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProbeException("not valid JSON (truncated?): " + e.getOriginalMessage(), e);
        }
        if (count < 0) throw new ProbeException("no vulnerabilities array: not a CISA KEV catalogue");
        return new KevCatalog(version, count);
    }

    /** FIRST EPSS daily file (.csv.gz): the model/date line and the number of score rows. */
    record EpssFile(String metaLine, long rows) { }

    static EpssFile epss(Path file, long maxUncompressedBytes) throws IOException {
        String meta = null;
        long rows = 0;
        try (InputStream raw = Files.newInputStream(file);
             InputStream gz = new GZIPInputStream(raw, 64 * 1024);
             InputStream limited = new LimitedInputStream(gz, maxUncompressedBytes);
             BufferedReader r = new BufferedReader(new InputStreamReader(limited, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            if (line != null && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line != null && line.startsWith("#")) {
                meta = line;
                line = r.readLine();
            }
            if (line == null || !line.replace(" ", "").toLowerCase(java.util.Locale.ROOT).startsWith("cve,epss,percentile")) {
                throw new ProbeException("no 'cve,epss,percentile' header: not an EPSS scores file");
            }
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) rows++;
            }
        } catch (ZipException e) {
            throw new ProbeException("not a valid gzip file (truncated?): " + e.getMessage(), e);
        } catch (java.io.EOFException e) {
            throw new ProbeException("gzip data ends early (truncated download)", e);
        }
        return new EpssFile(meta, rows);
    }

    /** OSV all.zip: the number of JSON entries; refuses entries with unsafe names. */
    static int osvZip(Path file, int maxEntries) throws IOException {
        int count = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > maxEntries) throw new ProbeException("more than " + maxEntries + " entries");
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                String n = e.getName();
                if (n.startsWith("/") || n.contains("\\") || n.contains("..") || n.indexOf(':') >= 0 || n.indexOf('\0') >= 0) {
                    throw new ProbeException("unsafe entry name '" + n + "'");
                }
                if (!e.isDirectory() && n.endsWith(".json")) count++;
            }
        } catch (ZipException e) {
            throw new ProbeException("not a valid zip file (truncated?): " + e.getMessage(), e);
        }
        return count;
    }

    /** The MyJVN common {@code status:Status} element and the ids of the entries in the response. */
    record MyJvnStatus(String method, int retCd, String errCd, String errMsg, int totalRes, int totalResRet, int firstRes,
                       List<String> ids) { }

    static MyJvnStatus myJvn(Path file) throws IOException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        List<String> ids = new ArrayList<>();
        MyJvnStatus status = null;
        Deque<String> stack = new ArrayDeque<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        String local = r.getLocalName();
                        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                        String parent = stack.peek();
                        if ("Status".equals(local) && ns.endsWith("/myjvn/Status")) {
                            status = new MyJvnStatus(attr(r, "method"), intAttr(r, "retCd", -1), attr(r, "errCd"), attr(r, "errMsg"),
                                    intAttr(r, "totalRes", 0), intAttr(r, "totalResRet", 0), intAttr(r, "firstRes", 0), ids);
                        } else if ("identifier".equals(local) && ns.endsWith("/mod_sec/3.0/") && "item".equals(parent)) {
                            ids.add(r.getElementText().trim());
                            continue; // getElementText consumed the end tag
                        } else if ("VulinfoID".equals(local) && "Vulinfo".equals(parent)) {
                            ids.add(r.getElementText().trim());
                            continue;
                        }
                        stack.push(local);
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        stack.poll();
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new ProbeException("not well-formed XML (truncated?): " + e.getMessage(), e);
        }
        if (status == null) throw new ProbeException("no status:Status element: not a MyJVN API response");
        return status;
    }

    private static String attr(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        return v == null ? "" : v.trim();
    }

    private static int intAttr(XMLStreamReader r, String name, int dflt) throws ProbeException {
        String v = attr(r, name);
        if (v.isEmpty()) return dflt;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ProbeException("status:Status @" + name + " is not a number: '" + v + "'");
        }
    }

    /** Stops reading past a byte limit (against decompression bombs). */
    static final class LimitedInputStream extends java.io.FilterInputStream {
        private final long max;
        private long read;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(long n) throws ProbeException {
            read += n;
            if (read > max) throw new ProbeException("decompressed size exceeds " + max + " bytes");
        }
    }
}
