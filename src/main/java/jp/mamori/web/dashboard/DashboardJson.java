package jp.mamori.web.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import jp.mamori.partners.AssetFlag;
import jp.mamori.remediation.DeadlineReason;
import jp.mamori.web.findings.FindingJson;
import jp.mamori.web.support.OrganizationRef;

/** {@code GET /api/v1/dashboard}: the landing page's cards and urgent rows as JSON. */
@JsonPropertyOrder({"organization", "today", "counts", "urgent", "feedsUpdated"})
public record DashboardJson(OrganizationRef organization, String today, Counts counts, List<Urgent> urgent, String feedsUpdated) {

    /** The cards; {@code openIncidents} is left out (not null) for those who may not read incidents. */
    @JsonPropertyOrder({"act", "attend", "trackStar", "track", "overdue", "boundaryAct", "open", "candidates", "openIncidents"})
    public record Counts(Long act, Long attend, Long trackStar, Long track, long overdue, long boundaryAct, long open, long candidates,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Long openIncidents) { }

    /** An urgent row: the finding's fields, why it is listed, its deadline's basis (left out when none) and its contract flags. */
    @JsonPropertyOrder({"explanation", "deadlineReason", "contractFlags"})
    public record Urgent(@JsonUnwrapped FindingJson finding, String explanation,
                         @JsonInclude(JsonInclude.Include.NON_NULL) ShortReason deadlineReason, List<AssetFlag> contractFlags) { }

    /** The basis of the deadline in force, long and short, in both languages. */
    @JsonPropertyOrder({"kind", "ja", "en", "shortJa", "shortEn"})
    public record ShortReason(String kind, String ja, String en, String shortJa, String shortEn) {

        static ShortReason of(DeadlineReason r) {
            return r == null ? null : new ShortReason(r.kind().key(), r.ja(), r.en(), r.shortJa(), r.shortEn());
        }
    }
}
