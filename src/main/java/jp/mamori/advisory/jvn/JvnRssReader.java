package jp.mamori.advisory.jvn;

import java.time.Instant;
import javax.xml.stream.XMLStreamConstants;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.xml.XmlCursor;

/**
 * JVNRSS 3.2 (RSS 1.0 / RDF with the {@code sec:} module): MyJVN {@code getVulnOverviewList}
 * responses, the JVNDB RSS feeds and the yearly {@code jvndb_YYYY.rdf} files. Each {@code item}
 * is read and emitted on its own; the cursor stands on the root {@code rdf:RDF} start tag.
 */
final class JvnRssReader extends JvnXmlRecords {

    JvnRssReader(XmlCursor x, FeedSink sink) {
        super(x, sink, "item");
    }

    /** One {@code item}. */
    @Override
    void record() throws FeedFormatException {
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
                    e.addCvss(x.attr("version"), blank(x.attr("vector")), score(blank(x.attr("score"))));
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

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String orElse(String a, String b) {
        return a != null ? a : b;
    }
}
