package jp.mamori.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.mamori.triage.policy.Deadline;
import org.junit.jupiter.api.Test;

/** Why a deadline is what it is: one value for the page, the CLI, the API and the exports (issue 12). */
class DeadlineReasonTest {

    static final LocalDate DETECTED = LocalDate.parse("2026-12-01");
    static final Instant DETECTED_AT = Instant.parse("2026-12-01T01:00:00Z");
    static final String GATEWAY_EVIDENCE = "{\"dueBasis\": \"kev_passed_before_detection\", \"duePolicyDays\": 7, \"dueFrom\": \"2026-12-01\","
            + " \"kev\": {\"dueDate\": \"2023-11-08\"}}";

    static FindingRow row(FindingState state, LocalDate due) {
        return new FindingRow(1, 1, 1, "テレワークシステム", 1, "vpn-gw-01", "ゲートウェイ", true, "NetScaler Gateway", "13.1", "CVE-2023-4966",
                state.key(), "act", 40, due, "critical", 9.4, "active", "high", false, "13.1-49.15", "cpe", "nvd", "c", DETECTED_AT);
    }

    static StoredDecision decision(DecisionAction action, LocalDate until) {
        return new StoredDecision(7, 1, 1, 1, "device", "CVE-2023-4966", action, FindingState.NEW, FindingState.MITIGATION_PLANNED,
                "直ちに回避策、パッチは10日以内", null, "sec-officer", null, Instant.parse("2026-12-03T03:00:00Z"), until, List.of(), "13.1", "c",
                null, null);
    }

    @Test
    void aKevDateThatPassedBeforeDetectionIsAFactAndThePolicysDaysFromFirstDetectionAreTheDeadline() {
        DeadlineReason r = DeadlineReason.of(row(FindingState.NEW, DETECTED.plusDays(7)), GATEWAY_EVIDENCE, null);
        assertThat(r.kind()).isEqualTo(DeadlineReason.Kind.POLICY);
        assertThat(r.ja()).isEqualTo("2026-12-08：初回検出 2026-12-01 から 7日（対応方針）。CISA KEV期限 2023-11-08 は検出前に経過（参考）");
        assertThat(r.en()).isEqualTo("2026-12-08: 7 days from first detection 2026-12-01 (policy). "
                + "the CISA KEV due date 2023-11-08 had passed before detection (for reference)");
    }

    @Test
    void aMitigateDecisionsPatchByDateIsTheDeadlineWithWhoSetItAndWhy() {
        LocalDate patchBy = LocalDate.parse("2026-12-13");
        DeadlineReason r = DeadlineReason.of(row(FindingState.MITIGATION_PLANNED, patchBy), GATEWAY_EVIDENCE,
                decision(DecisionAction.MITIGATE, patchBy));
        assertThat(r.kind()).isEqualTo(DeadlineReason.Kind.DECISION);
        assertThat(r.basisJa()).isEqualTo("対応判断のパッチ期限（sec-officer が 2026-12-03 に設定）");
        assertThat(r.ja()).isEqualTo("2026-12-13：対応判断のパッチ期限（sec-officer が 2026-12-03 に設定）。理由: 直ちに回避策、パッチは10日以内。"
                + "CISA KEV期限 2023-11-08 は検出前に経過（参考）");
    }

    @Test
    void aDecisionThatDoesNotHoldTheFindingToItsDateLeavesThePolicysDeadline() {
        // triaged with a review date: the state is not held to the decision's date, the triage deadline stands
        LocalDate due = DETECTED.plusDays(7);
        DeadlineReason r = DeadlineReason.of(row(FindingState.TRIAGED, due), GATEWAY_EVIDENCE, decision(DecisionAction.TRIAGE, DETECTED.plusDays(30)));
        assertThat(r.kind()).isEqualTo(DeadlineReason.Kind.POLICY);
        assertThat(r.due()).isEqualTo(due);
    }

    @Test
    void anEarlierKevDateAfterDetectionCapsTheDeadlineAndSaysSo() {
        String ev = "{\"dueBasis\": \"kev\", \"duePolicyDays\": 30, \"dueFrom\": \"2026-12-01\", \"kev\": {\"dueDate\": \"2026-12-20\"}}";
        DeadlineReason r = DeadlineReason.of(row(FindingState.NEW, LocalDate.parse("2026-12-20")), ev, null);
        assertThat(r.kind()).isEqualTo(DeadlineReason.Kind.KEV);
        assertThat(r.ja()).isEqualTo("2026-12-20：CISA KEVの期限（対応方針の30日より早いため）");
        assertThat(r.kevFactJa()).isNull();
    }

    @Test
    void theDayTheOutcomeRoseIsNamedInsteadOfFirstDetection() {
        String ev = "{\"dueBasis\": \"policy\", \"duePolicyDays\": 7, \"dueFrom\": \"2026-12-05\", \"kev\": null}";
        DeadlineReason r = DeadlineReason.of(row(FindingState.NEW, LocalDate.parse("2026-12-12")), ev, null);
        assertThat(r.basisJa()).isEqualTo("優先度が上がった日 2026-12-05 から 7日（対応方針）");
    }

    @Test
    void evidenceWrittenBeforeTheBasisWasKeptStillGivesAReasonAndAClosedFindingHasNone() {
        assertThat(DeadlineReason.of(row(FindingState.NEW, DETECTED.plusDays(7)), "{}", null).ja()).isEqualTo("2026-12-08：対応方針の日数");
        assertThat(DeadlineReason.of(row(FindingState.NEW, DETECTED.plusDays(7)), "not json", null).kind()).isEqualTo(DeadlineReason.Kind.POLICY);
        assertThat(DeadlineReason.of(row(FindingState.FIXED, null), GATEWAY_EVIDENCE, null).basisJa()).isEqualTo("期限なし");
    }

    @Test
    void aScanReportsTriageDeadlineGivesTheSameWords() {
        Deadline d = new Deadline(DETECTED.plusDays(7), Deadline.Basis.KEV_PASSED_BEFORE_DETECTION, 7, DETECTED.plusDays(7), false,
                LocalDate.parse("2023-11-08"));
        assertThat(DeadlineReason.of(d, DETECTED).ja()).isEqualTo(DeadlineReason.of(row(FindingState.NEW, DETECTED.plusDays(7)), GATEWAY_EVIDENCE, null).ja());
    }

    /** The list rows' few words come from the same kind and facts as the finding page's basis. */
    @Test
    void aListRowSaysTheBasisInAFewWordsForEachKind() {
        DeadlineReason policy = DeadlineReason.of(row(FindingState.NEW, DETECTED.plusDays(7)), GATEWAY_EVIDENCE, null);
        assertThat(policy.shortJa()).isEqualTo("方針: 検出日+7日");
        assertThat(policy.shortEn()).isEqualTo("policy: detection + 7 days");
        String rose = "{\"dueBasis\": \"policy\", \"duePolicyDays\": 7, \"dueFrom\": \"2026-12-05\", \"kev\": null}";
        assertThat(DeadlineReason.of(row(FindingState.NEW, LocalDate.parse("2026-12-12")), rose, null).shortJa()).isEqualTo("方針: 優先度上昇日+7日");
        String kev = "{\"dueBasis\": \"kev\", \"duePolicyDays\": 30, \"dueFrom\": \"2026-12-01\", \"kev\": {\"dueDate\": \"2026-12-20\"}}";
        assertThat(DeadlineReason.of(row(FindingState.NEW, LocalDate.parse("2026-12-20")), kev, null).shortJa()).isEqualTo("CISA KEV期限");
        LocalDate patchBy = LocalDate.parse("2026-12-13");
        DeadlineReason decided = DeadlineReason.of(row(FindingState.MITIGATION_PLANNED, patchBy), GATEWAY_EVIDENCE, decision(DecisionAction.MITIGATE, patchBy));
        assertThat(decided.shortJa()).isEqualTo("判断で設定したパッチ期限（sec-officer）");
        assertThat(decided.shortEn()).isEqualTo("patch-by date set by decision (sec-officer)");
        assertThat(DeadlineReason.of(row(FindingState.FIXED, null), GATEWAY_EVIDENCE, null).shortJa()).as("no deadline, nothing beside it").isNull();
    }

    @Test
    void theNextActionFollowsTheStateAndTheChecklist() {
        LocalDate d = LocalDate.parse("2026-12-13");
        assertThat(NextAction.of(FindingState.MITIGATION_PLANNED, d, 6, d).ja()).isEqualTo("回避策・確認項目を完了してください（残り 6 件）。そのうえで2026-12-13 までにパッチを適用");
        assertThat(NextAction.of(FindingState.MITIGATED, d, 0, d).ja()).isEqualTo("2026-12-13 までにパッチを適用してください（回避策は適用済み）");
        assertThat(NextAction.of(FindingState.NEW, d, 0, null).ja()).startsWith("対応を判断して記録してください");
    }
}
