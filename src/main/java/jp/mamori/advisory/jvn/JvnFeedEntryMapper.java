package jp.mamori.advisory.jvn;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import jp.mamori.advisory.csaf.CsafScores;
import jp.mamori.advisory.json.InvalidField;
import jp.mamori.advisory.json.Json;
import jp.mamori.advisory.support.FeedDates;

/**
 * One {@code feed.entry[]} of a MyJVN OKA {@code getVulnOverviewList} response (the JSON
 * counterpart of a JVNRSS item) to a JVN entry.
 */
final class JvnFeedEntryMapper {
    private JvnFeedEntryMapper() { }

    static JvnEntry map(JsonNode n) {
        JvnEntry e = new JvnEntry();
        e.jvndbId = Json.text(n, "id");
        e.title = Json.text(n, "title");
        e.description = JvnText.plain(Json.text(n, "summary"));
        e.link = Json.text(n, "link");
        e.published = date(n, "created");
        if (e.published == null) e.published = date(n, "public");
        e.modified = date(n, "modified");
        for (JsonNode r : Json.array(n, "references")) {
            String summary = Json.text(r, "summary");
            String source = Json.text(r, "source");
            e.noteId(summary);
            e.reference(Json.text(r, "url"), source);
        }
        for (JsonNode c : Json.array(n, "cwes")) e.noteId(Json.text(c, "id"));
        for (JsonNode p : Json.array(n, "products")) {
            String cpe = Json.text(Json.at(p, "product_ids"), "cpe");
            if (cpe != null) e.cpes.add(cpe);
            String pname = Json.text(p, "pname");
            if (cpe != null || pname != null) {
                e.products.add(new JvnEntry.Product(cpe, Json.text(p, "vname"), pname, Json.text(p, "version")));
            }
        }
        CsafScores.read(n, "jvn").forEach(s -> e.addCvss(s.version(), s.vector(), s.baseScore()));
        return e;
    }

    static Instant date(JsonNode n, String field) {
        String s = Json.text(n, field);
        try {
            return FeedDates.parse(s, FeedDates.JST);
        } catch (DateTimeException ex) {
            throw new InvalidField("/" + field, "not a date: '" + s + "'");
        }
    }
}
