package jp.mamori.advisory.vex;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.support.FeedDates;
import jp.mamori.advisory.xml.XmlCursor;

/**
 * CycloneDX XML: components (of {@code bom/components} and {@code metadata/component}, not those
 * of tools) are indexed and each {@code vulnerability} is read on its own.
 */
final class CdxXmlReader {
    private static final String NS = "http://cyclonedx.org/schema/bom/";

    private final XmlCursor x;
    private final CdxVexEmitter out;

    CdxXmlReader(XmlCursor x, CdxVexEmitter out) {
        this.x = x;
        this.out = out;
    }

    void read() throws FeedFormatException {
        if (x.nextTag() != XMLStreamConstants.START_ELEMENT) throw x.error("empty XML document");
        if (!x.isStart("bom") || x.namespace() == null || !x.namespace().startsWith(NS)) {
            throw x.error("not a CycloneDX document: root element <" + x.local() + "> in namespace " + x.namespace());
        }
        out.serialNumber = x.attr("serialNumber");
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (x.local()) {
                case "metadata" -> metadata();
                case "components" -> components();
                case "vulnerabilities" -> vulnerabilities();
                default -> x.skip();
            }
        }
        out.finish();
    }

    private void metadata() throws FeedFormatException {
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (x.local()) {
                case "timestamp" -> out.timestamp = date(x.text());
                case "component" -> component();
                default -> x.skip();
            }
        }
    }

    private void components() throws FeedFormatException {
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (x.isStart("component")) component();
            else x.skip();
        }
    }

    private void component() throws FeedFormatException {
        String ref = x.attr("bom-ref");
        String purl = null;
        String cpe = null;
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (x.local()) {
                case "purl" -> purl = x.text();
                case "cpe" -> cpe = x.text();
                case "components" -> components();
                default -> x.skip();
            }
        }
        out.index.add(ref, purl, cpe);
    }

    private void vulnerabilities() throws FeedFormatException {
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (x.isStart("vulnerability")) vulnerability();
            else x.skip();
        }
    }

    private void vulnerability() throws FeedFormatException {
        String where = x.location();
        String id = null;
        String recommendation = null;
        String workaround = null;
        Instant updated = null;
        Instant published = null;
        Analysis a = new Analysis();
        List<String> refs = new ArrayList<>();
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (x.local()) {
                case "id" -> id = x.text();
                case "recommendation" -> recommendation = x.text();
                case "workaround" -> workaround = x.text();
                case "updated" -> updated = date(x.text());
                case "published" -> published = date(x.text());
                case "analysis" -> analysis(a);
                case "affects" -> affects(refs);
                default -> x.skip();
            }
        }
        Instant when = a.lastUpdated != null ? a.lastUpdated : a.firstIssued != null ? a.firstIssued
                : updated != null ? updated : published;
        out.offer(new CdxVulnerability(id, a.state, a.justification, a.responses, a.detail, recommendation,
                workaround, when, refs, where));
    }

    private static final class Analysis {
        String state;
        String justification;
        String detail;
        Instant firstIssued;
        Instant lastUpdated;
        final List<String> responses = new ArrayList<>();
    }

    private void analysis(Analysis a) throws FeedFormatException {
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (x.local()) {
                case "state" -> a.state = x.text();
                case "justification" -> a.justification = x.text();
                case "detail" -> a.detail = x.text();
                case "firstIssued" -> a.firstIssued = date(x.text());
                case "lastUpdated" -> a.lastUpdated = date(x.text());
                case "responses" -> {
                    while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        if (!x.isStart("response")) {
                            x.skip();
                            continue;
                        }
                        String r = x.text();
                        if (r != null) a.responses.add(r);
                    }
                }
                default -> x.skip();
            }
        }
    }

    private void affects(List<String> refs) throws FeedFormatException {
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!x.isStart("target")) {
                x.skip();
                continue;
            }
            while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (x.isStart("ref")) {
                    String r = x.text();
                    if (r != null) refs.add(r);
                } else {
                    x.skip();
                }
            }
        }
    }

    private Instant date(String s) throws FeedFormatException {
        try {
            return FeedDates.parse(s, FeedDates.UTC);
        } catch (DateTimeException e) {
            throw x.error("not a timestamp: '" + s + "'");
        }
    }
}
