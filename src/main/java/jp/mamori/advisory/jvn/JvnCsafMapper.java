package jp.mamori.advisory.jvn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.ProductStatus;
import jp.mamori.advisory.Remediation;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.csaf.CsafDocument;
import jp.mamori.advisory.csaf.CsafScores;
import jp.mamori.advisory.csaf.ProductTree;
import jp.mamori.advisory.json.InvalidField;
import jp.mamori.intake.JsonFields;
/**
 * One MyJVN OKA "jvncsaf" document (the CSAF-shaped VULDEF of one JVNDB entry, as returned by
 * {@code getVulnDetailInfo} and embedded in the STIX detail feed) to JVN advisories.
 *
 * <p>Unlike the XML formats, OKA splits CVSS, remediations and product status per CVE, so each
 * CVE's advisory carries its own. Vulnerability elements with an empty {@code cve} hold
 * entry-level facts (CWEs, products, sometimes scores): their CWEs are added to every CVE's
 * advisory, their scores and statuses only to CVEs that have none. An entry without any CVE
 * becomes one advisory keyed by its JVNDB id. As for all JVN data, CPEs become versionless
 * {@code cpeNames} and product statuses keep names but no CPE (SPEC §6).
 */
final class JvnCsafMapper {
    private JvnCsafMapper() { }

    static void emit(JsonNode root, FeedSink sink) {
        JsonNode document = root.get("document");
        String jvndbId = JsonFields.text(JsonFields.at(document, "tracking"), "id");
        if (jvndbId == null) throw new InvalidField("/document/tracking/id", "JVN entry without a JVNDB identifier");
        ProductTree tree = ProductTree.of(root.get("product_tree"));

        JvnEntry base = new JvnEntry();
        base.jvndbId = jvndbId;
        base.title = JsonFields.text(document, "title");
        base.description = JvnText.plain(CsafDocument.note(document, "description", "summary"));
        JsonNode tracking = document.get("tracking");
        base.published = JvnFeedEntryMapper.date(tracking, "initial_release_date");
        base.modified = JvnFeedEntryMapper.date(tracking, "current_release_date");
        base.link = VuldefReader.jvndbUrl(jvndbId);
        for (JsonNode r : JsonFields.array(document, "references")) {
            String summary = JsonFields.text(r, "summary");
            // Entry-level CVE references only decide the key when no vulnerability names a CVE.
            if (summary != null && JvnEntry.CVE.matcher(summary).matches()) base.cves.add(summary);
            else base.noteId(summary);
            base.reference(JsonFields.text(r, "url"), JsonFields.text(r, "source"));
        }
        for (ProductTree.Product p : tree.all()) {
            if (p.cpe() != null) base.cpes.add(p.cpe());
        }

        List<JsonNode> withCve = new ArrayList<>();
        Part entryLevel = new Part();
        for (JsonNode v : JsonFields.array(root, "vulnerabilities")) {
            if (JsonFields.text(v, "cve") != null) withCve.add(v);
            else entryLevel.add(v, tree);
        }
        base.cwes.addAll(entryLevel.cwes);

        if (withCve.isEmpty()) {
            // Keys come from the entry's CVE references (or its JVNDB id), facts from the entry-level elements.
            entryLevel.applyTo(base);
            for (String key : base.keys()) sink.advisory(base.withKey(key));
            return;
        }
        for (JsonNode v : withCve) {
            Part own = new Part();
            own.add(v, tree);
            String cve = JsonFields.text(v, "cve");
            JvnEntry e = base.copyFacts();
            own.applyTo(e);
            if (own.cvss.isEmpty()) entryLevel.cvssTo(e);
            if (own.statuses.isEmpty()) entryLevel.statusesTo(e);
            String description = CsafDocument.note(v, "description", "summary");
            if (description != null) e.description = JvnText.plain(description);
            sink.advisory(e.withKey(cve));
        }
    }

    /** Facts of one or more vulnerability elements. */
    private static final class Part {
        final List<String> cwes = new ArrayList<>();
        final List<CvssScore> cvss = new ArrayList<>();
        final List<ProductStatus> statuses = new ArrayList<>();
        final List<Remediation> remediations = new ArrayList<>();

        void add(JsonNode v, ProductTree tree) {
            for (JsonNode c : JsonFields.array(v, "cwes")) {
                String id = JsonFields.text(c, "id");
                if (id != null && !cwes.contains(id)) cwes.add(id);
            }
            for (CvssScore s : CsafScores.read(v, "jvn")) if (!cvss.contains(s)) cvss.add(s);
            JsonNode ps = v.get("product_status");
            if (ps != null && ps.isObject()) {
                ps.fieldNames().forEachRemaining(status -> {
                    for (String id : JsonFields.texts(ps, status)) {
                        ProductTree.Product p = tree.product(id);
                        ProductStatus row = new ProductStatus(status, id, p.name(), null, null);
                        if (!statuses.contains(row)) statuses.add(row);
                    }
                });
            }
            for (JsonNode r : JsonFields.array(v, "remediations")) {
                String category = JsonFields.text(r, "category");
                if (category != null) {
                    remediations.add(new Remediation(category, JvnText.plain(JsonFields.text(r, "details")),
                            JsonFields.text(r, "url"), tree.productIds(r)));
                }
            }
        }

        void applyTo(JvnEntry e) {
            e.cwes.addAll(cwes);
            cvssTo(e);
            statusesTo(e);
            e.remediations.addAll(remediations);
        }

        void cvssTo(JvnEntry e) {
            cvss.forEach(s -> e.addCvss(s.version(), s.vector(), s.baseScore()));
        }

        void statusesTo(JvnEntry e) {
            e.extraStatuses.addAll(statuses);
        }
    }
}
