package jp.mamori.triage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import jp.mamori.triage.cvss.CvssChoice;
import jp.mamori.triage.policy.Deadline;
import jp.mamori.triage.policy.DeadlineCalculator;
import jp.mamori.triage.policy.TriagePolicy;
import jp.mamori.triage.ssvc.DecisionTable;
import jp.mamori.triage.ssvc.SsvcDecision;
import jp.mamori.triage.ssvc.SsvcOverride;

/**
 * SSVC triage of one vulnerability on one asset under an organisation's policy (SPEC §4): choose
 * the CVSS score, derive the decision points, apply overrides, look up the table row, compute the
 * due date. Pure: the same facts, policy, overrides and clock give the same result.
 */
public final class Triage {
    private final TriagePolicy policy;
    private final Clock clock;
    private final DecisionTable table;
    private final DeadlineCalculator deadlines;
    private final InputDerivation derivation;
    private final jp.mamori.triage.cvss.CvssSelection cvssSelection;

    public Triage(TriagePolicy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.table = policy.table().table();
        this.deadlines = new DeadlineCalculator(policy.deadlines(), policy.strictKevDueDate());
        this.derivation = new InputDerivation(policy);
        this.cvssSelection = policy.cvssSelection();
    }

    /** Triage decided today: the deadline counts from today (policy zone). */
    public TriageResult triage(VulnerabilityFacts facts, AssetContext asset, List<SsvcOverride> overrides) {
        return triage(facts, asset, overrides, today());
    }

    /**
     * Triage of a finding whose outcome was decided earlier: the deadline counts from {@code decidedOn},
     * the overdue flag from today. Lets a daily re-run keep the due dates already given.
     */
    public TriageResult triage(VulnerabilityFacts facts, AssetContext asset, List<SsvcOverride> overrides, LocalDate decidedOn) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(decidedOn, "decidedOn");
        List<SsvcOverride> applied = overrides == null ? List.of() : List.copyOf(overrides);

        CvssChoice cvss = cvssSelection.choose(facts.cvss());
        ExploitationEvidence evidence = InputDerivation.exploitationEvidence(facts, policy.epssPocThreshold());
        InputDerivation.Derived derived = derivation.derive(evidence, cvss, asset, applied);
        SsvcDecision decision = table.decide(derived.inputs());
        Deadline deadline = deadlines.due(decision.outcome(), decidedOn,
                facts.kev() == null ? null : facts.kev().dueDate(), today());
        return new TriageResult(facts.vulnId(), cvss, evidence, derived.inputs(), derived.missionFromAsset(),
                derived.missionRaised(), decision, decidedOn, deadline, applied);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(policy.zone()));
    }
}
