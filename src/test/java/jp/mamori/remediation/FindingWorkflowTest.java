package jp.mamori.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.mamori.inventory.Asset;
import jp.mamori.remediation.mitigation.Mitigation;
import jp.mamori.remediation.mitigation.MitigationService;
import jp.mamori.remediation.mitigation.MitigationSource;
import jp.mamori.remediation.mitigation.MitigationStatus;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Recording decisions: what is stored together, what is refused, and same-product decisions. */
class FindingWorkflowTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aDecisionIsStoredWithItsEventStateChangeAndNotification(TestDatabases.Kind kind) {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(NOW))) {
            long id = fx.finding(fx.server, "purl:maven/org.apache.logging.log4j/log4j-core", "CVE-2021-44228", "act", fx.today().plusDays(3),
                    FindingState.NEW);
            LocalDate patchBy = fx.today().plusDays(10);
            DecisionResult r = fx.workflow.decide(fx.org.id(), id, Decision.of(DecisionAction.PATCH, "次回保守で適用 / next maintenance", "admin-1")
                    .withUntil(patchBy).withEvidence(List.of("https://example.jp/ticket/42")));

            assertThat(r.from()).isEqualTo(FindingState.NEW);
            assertThat(r.to()).isEqualTo(FindingState.PATCH_SCHEDULED);
            assertThat(fx.state(id)).isEqualTo("patch_scheduled");
            StoredDecision d = new FindingHistory(fx.db.dataSource()).currentDecision(fx.org.id(), id).orElseThrow();
            assertThat(d.action()).isEqualTo(DecisionAction.PATCH);
            assertThat(d.actor()).isEqualTo("admin-1");
            assertThat(d.decidedAt()).isEqualTo(NOW);
            assertThat(d.until()).isEqualTo(patchBy);
            assertThat(d.evidenceLinks()).containsExactly("https://example.jp/ticket/42");
            assertThat(d.componentIdentity()).isEqualTo("purl:maven/org.apache.logging.log4j/log4j-core");
            assertThat(d.matchCriterion()).isEqualTo("crit");
            assertThat(fx.count("SELECT COUNT(*) FROM finding_event WHERE kind = 'decision' AND finding_id = " + id)).isEqualTo(1);
            assertThat(fx.count("SELECT COUNT(*) FROM notification_event WHERE kind = 'decision' AND flushed_at IS NULL")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aNewDecisionSupersedesThePreviousOneAndHistoryKeepsBoth(TestDatabases.Kind kind) {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(NOW))) {
            long id = fx.finding(fx.server, "purl:x", "CVE-1", "attend", fx.today().plusDays(14), FindingState.NEW);
            fx.workflow.decide(fx.org.id(), id, Decision.of(DecisionAction.PATCH, "plan", "a").withUntil(fx.today().plusDays(5)));
            fx.workflow.decide(fx.org.id(), id, Decision.of(DecisionAction.MITIGATE, "patch slipped", "a").withUntil(fx.today().plusDays(30)));
            List<StoredDecision> all = new FindingHistory(fx.db.dataSource()).decisions(fx.org.id(), id);
            assertThat(all).extracting(StoredDecision::action).containsExactly(DecisionAction.PATCH, DecisionAction.MITIGATE);
            assertThat(all.get(0).current()).isFalse();
            assertThat(all.get(0).supersededReason()).contains("mitigate");
            assertThat(all.get(1).current()).isTrue();
            assertThat(all.get(1).fromState()).isEqualTo(FindingState.PATCH_SCHEDULED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void refusedDecisionsChangeNothing(TestDatabases.Kind kind) {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(NOW))) {
            long fixed = fx.finding(fx.server, "purl:x", "CVE-1", "act", fx.today(), FindingState.FIXED);
            assertThatThrownBy(() -> fx.workflow.decide(fx.org.id(), fixed, Decision.of(DecisionAction.MITIGATE, "x", "a").withUntil(fx.today())))
                    .isInstanceOf(WorkflowException.class).hasMessageContaining("fixed → mitigation_planned");
            assertThatThrownBy(() -> fx.workflow.decide(fx.org.id(), 999_999, Decision.of(DecisionAction.FALSE_POSITIVE, "x", "a")))
                    .isInstanceOf(NoSuchFindingException.class).hasMessageContaining("#999999");
            assertThat(fx.state(fixed)).isEqualTo("fixed");
            assertThat(fx.count("SELECT COUNT(*) FROM finding_decision")).isZero();
            assertThat(fx.count("SELECT COUNT(*) FROM notification_event")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anotherOrganisationsFindingReadsAsMissing(TestDatabases.Kind kind) {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(NOW))) {
            long id = fx.finding(fx.server, "purl:x", "CVE-1", "act", fx.today(), FindingState.NEW);
            var other = new jp.mamori.inventory.InventoryRepository(fx.db.dataSource()).createOrganization("000001", "他市", "municipality");
            assertThatThrownBy(() -> fx.workflow.decide(other.id(), id, Decision.of(DecisionAction.FALSE_POSITIVE, "x", "a")))
                    .isInstanceOf(NoSuchFindingException.class);
            assertThat(fx.state(id)).isEqualTo("new");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void mitigatingABoundaryDeviceAddsThePostCompromiseChecklist(TestDatabases.Kind kind) {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(NOW))) {
            long gw = fx.finding(fx.gateway, "device", "CVE-2023-4966", "act", fx.today(), FindingState.NEW);
            long srv = fx.finding(fx.server, "purl:x", "CVE-2023-4966", "act", fx.today(), FindingState.NEW);
            LocalDate patchBy = fx.today().plusDays(14);
            DecisionResult r = fx.workflow.decide(fx.org.id(), gw, Decision.of(DecisionAction.MITIGATE, "mitigate now, patch by " + patchBy,
                    "sec-officer").withUntil(patchBy));
            List<Mitigation> items = fx.mitigations.list(fx.org.id(), gw);
            assertThat(r.mitigationsAdded()).isEqualTo(5);
            assertThat(items).extracting(Mitigation::source).containsOnly(MitigationSource.CHECKLIST);
            assertThat(items).extracting(Mitigation::titleJa).anyMatch(t -> t.contains("セッション")).anyMatch(t -> t.contains("認証情報"))
                    .anyMatch(t -> t.contains("アクセスログ")).anyMatch(t -> t.contains("管理者アカウント")).anyMatch(t -> t.contains("Webシェル"));
            assertThat(items).extracting(Mitigation::titleEn).anyMatch(t -> t.startsWith("End all existing sessions"));
            assertThat(items).allMatch(m -> m.status() == MitigationStatus.TODO && patchBy.equals(m.reviewDate()));

            fx.workflow.decide(fx.org.id(), srv, Decision.of(DecisionAction.MITIGATE, "isolated", "sec-officer").withUntil(patchBy));
            assertThat(fx.mitigations.list(fx.org.id(), srv)).as("not a boundary device").isEmpty();

            Mitigation first = items.get(0);
            Mitigation done = fx.mitigations.update(fx.org.id(), first.id(), new MitigationService.Update(MitigationStatus.DONE, "鈴木", null), "鈴木");
            assertThat(done.status()).isEqualTo(MitigationStatus.DONE);
            assertThat(done.owner()).isEqualTo("鈴木");
            assertThat(done.reviewDate()).isEqualTo(patchBy);
            // Deciding again adds no duplicate items.
            fx.workflow.decide(fx.org.id(), gw, Decision.of(DecisionAction.PATCH, "patch window agreed", "sec-officer").withUntil(patchBy));
            assertThat(fx.mitigations.list(fx.org.id(), gw)).hasSize(5);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aMitigationIsPlannedUntilEveryItemIsDoneAndItsPatchByDateIsTheDeadline(TestDatabases.Kind kind) {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(NOW))) {
            long gw = fx.finding(fx.gateway, "device", "CVE-2023-4966", "act", fx.today().plusDays(3), FindingState.NEW);
            LocalDate patchBy = fx.today().plusDays(21);
            DecisionResult r = fx.workflow.decide(fx.org.id(), gw, Decision.of(DecisionAction.MITIGATE, "mitigate now, patch by " + patchBy,
                    "sec-officer").withUntil(patchBy));
            assertThat(r.to()).isEqualTo(FindingState.MITIGATION_PLANNED);
            assertThat(fx.state(gw)).isEqualTo("mitigation_planned");
            assertThat(fx.queryString("SELECT due_date FROM finding WHERE id = " + gw)).as("deadline in force").isEqualTo(patchBy.toString());
            assertThat(fx.queryString("SELECT to_state FROM finding_decision WHERE finding_id = " + gw)).isEqualTo("mitigation_planned");
            List<Mitigation> items = fx.mitigations.list(fx.org.id(), gw);
            for (int i = 0; i < items.size(); i++) {
                assertThat(fx.state(gw)).as("item %d of %d not yet done", i, items.size()).isEqualTo("mitigation_planned");
                MitigationStatus st = i == 0 ? MitigationStatus.NOT_APPLICABLE : MitigationStatus.DONE;
                fx.mitigations.update(fx.org.id(), items.get(i).id(), new MitigationService.Update(st, null, null), "鈴木");
            }
            assertThat(fx.state(gw)).isEqualTo("mitigated");
            assertThat(fx.queryString("SELECT due_date FROM finding WHERE id = " + gw)).as("the patch is still owed by then").isEqualTo(patchBy.toString());
            assertThat(fx.queryString("SELECT kind FROM finding_event WHERE finding_id = " + gw + " ORDER BY id DESC LIMIT 1")).isEqualTo("mitigated");
            // an item set back to doing: planned again
            fx.mitigations.update(fx.org.id(), items.get(1).id(), new MitigationService.Update(MitigationStatus.DOING, null, null), "鈴木");
            assertThat(fx.state(gw)).isEqualTo("mitigation_planned");
            // a decision to triage again goes back to the triage deadline
            fx.workflow.decide(fx.org.id(), gw, Decision.of(DecisionAction.PATCH, "patch earlier", "sec-officer").withUntil(fx.today().plusDays(2)));
            assertThat(fx.queryString("SELECT due_date FROM finding WHERE id = " + gw)).isEqualTo(fx.today().plusDays(2).toString());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aSameProductDecisionShowsTheFindingsFirstThenAppliesToAll(TestDatabases.Kind kind) {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(NOW))) {
            Asset second = fx.asset(fx.juki.id(), "juki-ap-02", false);
            Asset third = fx.asset(fx.juki.id(), "juki-ap-03", false);
            String log4j = "purl:maven/org.apache.logging.log4j/log4j-core";
            long a = fx.finding(fx.server, log4j, "CVE-2021-44228", "act", fx.today(), FindingState.NEW);
            long b = fx.finding(second, log4j, "CVE-2021-44228", "act", fx.today(), FindingState.TRIAGED);
            long c = fx.finding(third, log4j, "CVE-2021-44228", "act", fx.today(), FindingState.FIXED);
            long otherVuln = fx.finding(second, log4j, "CVE-2021-45046", "act", fx.today(), FindingState.NEW);
            Decision d = Decision.of(DecisionAction.NOT_AFFECTED, "JndiLookup.class removed by the vendor build", "sec-officer")
                    .withJustification(VexJustification.VULNERABLE_CODE_NOT_PRESENT);

            SameProduct.Result preview = fx.workflow.applyToSameProduct(fx.org.id(), a, d, false);
            assertThat(preview.applied()).isFalse();
            assertThat(preview.candidates()).extracting(SameProduct.Candidate::findingId).containsExactly(a, b, c);
            assertThat(preview.candidates()).extracting(SameProduct.Candidate::allowed).containsExactly(true, true, false);
            assertThat(fx.count("SELECT COUNT(*) FROM finding_decision")).as("dry run stores nothing").isZero();

            SameProduct.Result applied = fx.workflow.applyToSameProduct(fx.org.id(), a, d, true);
            assertThat(applied.applied()).isTrue();
            assertThat(applied.results()).extracting(DecisionResult::findingId).containsExactly(a, b);
            assertThat(fx.state(a)).isEqualTo("not_affected");
            assertThat(fx.state(b)).isEqualTo("not_affected");
            assertThat(fx.state(c)).isEqualTo("fixed");
            assertThat(fx.state(otherVuln)).isEqualTo("new");
        }
    }
}
