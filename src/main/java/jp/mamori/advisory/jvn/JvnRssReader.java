package jp.mamori.advisory.jvn;

import java.time.DateTimeException;
import java.time.Instant;
import javax.xml.stream.XMLStreamConstants;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.support.FeedDates;
import jp.mamori.advisory.xml.XmlCursor;

/**
 * JVNRSS 3.2 (RSS 1.0 / RDF with the {@code sec:} module): MyJVN {@code getVulnOverviewList}
 * responses, the JVNDB RSS feeds and the yearly {@code jvndb_YYYY.rdf} files. Each {@code item}
 * is read and emitted on its own; the cursor stands on the root {@code rdf:RDF} start tag.
 */
final class JvnRssReader {
    private final XmlCursor x;
    private final FeedSink sink;

    JvnRssReader(XmlCursor x, FeedSink sink) {
        this.x = x;
        this.sink = sink;
    }

    void read() throws FeedFormatException {
        JvnXmlReader.eachRecord(x, sink, "item", this::item);
    }

    private void item() throws FeedFormatException {
        String start = x.location();
        JvnEntry e = new JvnEntry();
        e.link = x.attr("about");
        Instant dcDate = null;
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (x.local()) {
                case "title" -> e.title = x.text();
                case "link" -> e.link = orElse(x.text(), e.link);
                case "description" -> e.description = JvnText.plain(x.text());
                case "identifier" -> e.jvndbId = x.text();
                case "references" -> reference(e);
                case "cpe" -> cpe(e);
                case "cvss" -> {
                    e.addCvss(x.attr("version"), blank(x.attr("vector")), score(x.attr("score")));
                    x.skip();
                }
                case "date" -> dcDate = date(x.text());
                case "issued" -> e.published = date(x.text());
                case "modified" -> e.modified = date(x.text());
                default -> x.skip();
            }
        }
        if (e.modified == null) e.modified = dcDate;
        if (e.published == null) e.published = dcDate;
        e.emit(sink, x.name(), start);
    }

    private void reference(JvnEntry e) throws FeedFormatException {
        String source = x.attr("source");
        String id = x.attr("id");
        String url = x.text();
        boolean known = e.noteId(id);
        // CWE links only say which weakness; the CWE id is kept, the mitre link is not a reference.
        if (known && id != null && id.trim().startsWith("CWE-")) return;
        e.reference(url, source);
    }

    private void cpe(JvnEntry e) throws FeedFormatException {
        String vendor = x.attr("vendor");
        String product = x.attr("product");
        String cpe = x.text();
        if (cpe == null) return;
        e.cpes.add(cpe);
        e.products.add(new JvnEntry.Product(cpe, vendor, product, null));
    }

    private Instant date(String s) throws FeedFormatException {
        try {
            return FeedDates.parse(s, FeedDates.JST);
        } catch (DateTimeException ex) {
            throw x.error("not a date: '" + s + "'");
        }
    }

    private Double score(String s) throws FeedFormatException {
        if (s == null || s.isBlank()) return null;
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException ex) {
            throw x.error("CVSS score is not a number: '" + s + "'");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String orElse(String a, String b) {
        return a != null ? a : b;
    }
}
