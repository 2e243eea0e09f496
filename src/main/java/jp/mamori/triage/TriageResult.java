package jp.mamori.triage;

import java.time.LocalDate;
import java.util.List;
import jp.mamori.triage.cvss.CvssChoice;
import jp.mamori.triage.policy.Deadline;
import jp.mamori.triage.ssvc.Exploitation;
import jp.mamori.triage.ssvc.Mission;
import jp.mamori.triage.ssvc.Outcome;
import jp.mamori.triage.ssvc.SsvcDecision;
import jp.mamori.triage.ssvc.SsvcInputs;
import jp.mamori.triage.ssvc.SsvcOverride;

/**
 * The triage of one vulnerability on one asset: every input with its source, the row that fired,
 * the outcome and the due date. Explanations are generated from this, never stored per CVE.
 *
 * @param vulnId               the vulnerability id
 * @param cvss                 the CVSS score used, why, and any higher score of another source
 * @param exploitationEvidence KEV, exploit references, EPSS and source statements
 * @param inputs               the SSVC inputs the table read, each with source and evidence
 * @param missionFromAsset     the mission before the policy raise and overrides
 * @param missionRaised        the policy raised the mission because the asset is internet-facing
 * @param decision             table, row and outcome
 * @param decisionDate         the date the deadline counts from (policy zone)
 * @param deadline             due date, its basis and the overdue flag
 * @param overrides            the overrides that were applied, in order
 */
public record TriageResult(String vulnId, CvssChoice cvss, ExploitationEvidence exploitationEvidence,
                           SsvcInputs inputs, Mission missionFromAsset, boolean missionRaised,
                           SsvcDecision decision, LocalDate decisionDate, Deadline deadline,
                           List<SsvcOverride> overrides) {
    public TriageResult {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    public Outcome outcome() {
        return decision.outcome();
    }

    /** E.g. "cisa_coordinator 2.0.3 row 35: active/yes/total/high → Act". */
    public String ruleText() {
        return decision.ruleText();
    }

    public Exploitation exploitation() {
        return inputs.exploitation().value();
    }

    public Mission missionUsed() {
        return inputs.mission().value();
    }

    /** "Critical" .. "None", or null when no CVSS score is available. */
    public String severity() {
        return cvss.severity() == null ? null : cvss.severity().label();
    }

    /** 緊急 .. なし, or null when no CVSS score is available. */
    public String severityJa() {
        return cvss.severity() == null ? null : cvss.severity().labelJa();
    }

    public LocalDate dueDate() {
        return deadline.dueDate();
    }

    public boolean overdue() {
        return deadline.overdue();
    }
}
