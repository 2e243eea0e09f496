package jp.mamori.web.findings;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import jp.mamori.remediation.FindingRow;

/**
 * The JSON shape of a finding row (stable names and order; fields may be added), as the findings, dashboard and
 * vulnerability APIs answer it. The CLI's {@code findings list --json} has its own, older shape (cvss, asset.boundary,
 * the current decision), so the two are not one record.
 */
@JsonPropertyOrder({"id", "vulnId", "outcome", "due", "overdue", "state", "severity", "cvssScore", "exploitation", "system",
        "asset", "component", "fixedIn", "match", "priority", "firstSeen"})
public record FindingJson(long id, String vulnId, String outcome, String due, boolean overdue, String state, String severity,
                          Double cvssScore, String exploitation, SystemRef system, AssetRef asset, ComponentRef component,
                          String fixedIn, MatchRef match, int priority, String firstSeen) {

    public record SystemRef(long id, String name) { }

    @JsonPropertyOrder({"id", "code", "name", "internetBoundary"})
    public record AssetRef(long id, String code, String name, boolean internetBoundary) { }

    public record ComponentRef(String name, String version) { }

    @JsonPropertyOrder({"by", "source", "criterion", "confidence", "candidate"})
    public record MatchRef(String by, String source, String criterion, String confidence, boolean candidate) { }

    public static FindingJson row(FindingRow f, LocalDate today) {
        return new FindingJson(f.id(), f.vulnId(), f.outcome(), f.due() == null ? null : f.due().toString(), f.overdue(today),
                f.state(), f.severity(), f.cvssScore(), f.exploitation(), new SystemRef(f.systemId(), f.systemName()),
                new AssetRef(f.assetId(), f.assetCode(), f.assetName(), f.boundary()),
                new ComponentRef(f.componentName(), f.componentVersion()), f.fixedIn(),
                new MatchRef(f.matchBy(), f.matchSource(), f.criterion(), f.confidence(), f.candidate()),
                f.priority(), f.firstSeen() == null ? null : f.firstSeen().toString());
    }
}
