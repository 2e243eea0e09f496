package jp.mamori.advisory.jvn;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import jp.mamori.advisory.csaf.CsafScores;
import jp.mamori.advisory.json.InvalidField;
import jp.mamori.intake.JsonFields;
import jp.mamori.advisory.support.FeedDates;

/**
 * One {@code feed.entry[]} of a MyJVN OKA {@code getVulnOverviewList} response (the JSON
 * counterpart of a JVNRSS item) to a JVN entry.
 */
final class JvnFeedEntryMapper {
    private JvnFeedEntryMapper() { }

    static JvnEntry map(JsonNode n) {
        JvnEntry e = new JvnEntry();
        e.jvndbId = JsonFields.text(n, "id");
        e.title = JsonFields.text(n, "title");
        e.description = JvnText.plain(JsonFields.text(n, "summary"));
        e.link = JsonFields.text(n, "link");
        e.published = date(n, "created");
        if (e.published == null) e.published = date(n, "public");
        e.modified = date(n, "modified");
        for (JsonNode r : JsonFields.array(n, "references")) {
            String summary = JsonFields.text(r, "summary");
            String source = JsonFields.text(r, "source");
            e.noteId(summary);
            e.reference(JsonFields.text(r, "url"), source);
        }
        for (JsonNode c : JsonFields.array(n, "cwes")) e.noteId(JsonFields.text(c, "id"));
        for (JsonNode p : JsonFields.array(n, "products")) {
            String cpe = JsonFields.text(JsonFields.at(p, "product_ids"), "cpe");
            if (cpe != null) e.cpes.add(cpe);
            String pname = JsonFields.text(p, "pname");
            if (cpe != null || pname != null) {
                e.products.add(new JvnEntry.Product(cpe, JsonFields.text(p, "vname"), pname, JsonFields.text(p, "version")));
            }
        }
        CsafScores.read(n, "jvn").forEach(s -> e.addCvss(s.version(), s.vector(), s.baseScore()));
        return e;
    }

    static Instant date(JsonNode n, String field) {
        String s = JsonFields.text(n, field);
        try {
            return FeedDates.parse(s, FeedDates.JST);
        } catch (DateTimeException ex) {
            throw new InvalidField("/" + field, "not a date: '" + s + "'");
        }
    }
}
