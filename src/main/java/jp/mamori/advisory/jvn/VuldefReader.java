package jp.mamori.advisory.jvn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Remediation;
import jp.mamori.advisory.xml.XmlCursor;

/**
 * VULDEF 3.2 ({@code getVulnDetailInfo} responses and the JVNDB detail feed): each
 * {@code Vulinfo} is read and emitted on its own. The cursor stands on the root start tag.
 */
final class VuldefReader extends JvnXmlRecords {

    VuldefReader(XmlCursor x, FeedSink sink) {
        super(x, sink, "Vulinfo");
    }

    /** One {@code Vulinfo}. */
    @Override
    void record() throws FeedFormatException {
        String start = x.location();
        JvnEntry e = new JvnEntry();
        Instant datePublic = null;
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (x.isStart("VulinfoID")) {
                e.jvndbId = x.text();
            } else if (x.isStart("VulinfoData")) {
                while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    switch (x.local()) {
                        case "Title" -> e.title = x.text();
                        case "VulinfoDescription" -> description(e);
                        case "Affected" -> affected(e);
                        case "Impact" -> impact(e);
                        case "Solution" -> solution(e);
                        case "Related" -> related(e);
                        case "DateFirstPublished" -> e.published = date(x.text());
                        case "DateLastUpdated" -> e.modified = date(x.text());
                        case "DatePublic" -> datePublic = date(x.text());
                        default -> x.skip();
                    }
                }
            } else {
                x.skip();
            }
        }
        if (e.published == null) e.published = datePublic;
        e.link = e.jvndbId == null ? null : jvndbUrl(e.jvndbId);
        e.emit(sink, x.name(), start);
    }

    private void description(JvnEntry e) throws FeedFormatException {
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (x.isStart("Overview")) e.description = JvnText.plain(x.text());
            else x.skip();
        }
    }

    private void affected(JvnEntry e) throws FeedFormatException {
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!x.isStart("AffectedItem")) {
                x.skip();
                continue;
            }
            String vendor = null;
            String product = null;
            String cpe = null;
            List<String> versions = new ArrayList<>();
            while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (x.local()) {
                    case "Name" -> vendor = x.text();
                    case "ProductName" -> product = x.text();
                    case "Cpe" -> cpe = x.text();
                    case "VersionNumber" -> {
                        String v = x.text();
                        if (v != null) versions.add(v);
                    }
                    default -> x.skip();
                }
            }
            if (cpe != null) e.cpes.add(cpe);
            if (cpe != null || product != null) {
                e.products.add(new JvnEntry.Product(cpe, vendor, product,
                        versions.isEmpty() ? null : String.join(", ", versions)));
            }
        }
    }

    private void impact(JvnEntry e) throws FeedFormatException {
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!x.isStart("Cvss")) {
                x.skip();
                continue;
            }
            String version = x.attr("version");
            String vector = null;
            Double base = null;
            while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (x.local()) {
                    case "Vector" -> vector = x.text();
                    case "Base" -> base = score(x.text());
                    default -> x.skip();
                }
            }
            e.addCvss(version, vector, base);
        }
    }

    private void solution(JvnEntry e) throws FeedFormatException {
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!x.isStart("SolutionItem")) {
                x.skip();
                continue;
            }
            while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (x.isStart("Description")) {
                    String text = JvnText.plain(x.text());
                    if (text != null) {
                        e.remediations.add(new Remediation(JvnText.solutionCategory(text), text, null, List.of()));
                    }
                } else {
                    x.skip();
                }
            }
        }
    }

    private void related(JvnEntry e) throws FeedFormatException {
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!x.isStart("RelatedItem")) {
                x.skip();
                continue;
            }
            String type = x.attr("type");
            String name = null;
            String id = null;
            String url = null;
            while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (x.local()) {
                    case "Name" -> name = x.text();
                    case "VulinfoID" -> id = x.text();
                    case "URL" -> url = x.text();
                    default -> x.skip();
                }
            }
            if ("cwe".equals(type)) {
                e.noteId(id);
                continue;
            }
            if ("advisory".equals(type)) e.noteId(id);
            e.reference(url, name);
        }
    }

    static String jvndbUrl(String jvndbId) {
        String[] p = jvndbId.split("-");
        return p.length == 3 ? "https://jvndb.jvn.jp/ja/contents/" + p[1] + "/" + jvndbId + ".html" : null;
    }
}
