package jp.mamori.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Decisions attach to (asset, component identity, vulnerability), so the vendor's next SBOM keeps
 * them — unless the new version no longer matches (fixed), or matches by another range (decide again).
 */
class CarryOverTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final String CVE = "CVE-2021-44228";

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aDecisionCarriesOverToTheNextSbomWhileTheSameRangeMatches(TestDatabases.Kind kind) {
        MutableClock clock = new MutableClock(START);
        try (RemediationFixture fx = new RemediationFixture(kind, clock)) {
            Pipeline p = new Pipeline(fx);
            p.log4shellAdvisory();
            p.sbom(fx.server, "2.14.1");
            long id = p.findingId(fx.server, CVE);
            fx.workflow.decide(fx.org.id(), id, Decision.of(DecisionAction.MITIGATE, "JNDI disabled by system property", "sec-officer")
                    .withUntil(fx.today().plusDays(30)));
            String due = fx.queryString("SELECT due_date FROM finding WHERE id = " + id);
            assertThat(due).as("the decision's patch-by date is the deadline in force").isEqualTo(fx.today().plusDays(30).toString());

            clock.advanceDays(5);
            FindingRecorder.Result r = p.sbom(fx.server, "2.14.0");

            assertThat(r.detected()).as("same identity, no new finding").isZero();
            assertThat(p.findingId(fx.server, CVE)).isEqualTo(id);
            assertThat(fx.state(id)).as("no mitigation item to wait for").isEqualTo("mitigated");
            assertThat(fx.queryString("SELECT component_version FROM finding WHERE id = " + id)).isEqualTo("2.14.0");
            StoredDecision d = new FindingHistory(fx.db.dataSource()).currentDecision(fx.org.id(), id).orElseThrow();
            assertThat(d.action()).isEqualTo(DecisionAction.MITIGATE);
            assertThat(d.componentVersion()).as("what was decided on").isEqualTo("2.14.1");
            assertThat(fx.queryString("SELECT due_date FROM finding WHERE id = " + id)).as("a re-match keeps the deadline").isEqualTo(due);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aDifferentMatchAsksForANewDecision(TestDatabases.Kind kind) {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(START))) {
            Pipeline p = new Pipeline(fx);
            p.log4shellAdvisory();
            p.sbom(fx.server, "2.14.1");
            long id = p.findingId(fx.server, CVE);
            fx.workflow.decide(fx.org.id(), id, Decision.of(DecisionAction.NOT_AFFECTED, "JndiLookup removed", "sec-officer")
                    .withJustification(VexJustification.VULNERABLE_CODE_NOT_PRESENT));

            // 2.12.1 is vulnerable through the 2.4–2.12.2 range, not the one the decision was made on.
            p.sbom(fx.server, "2.12.1");

            assertThat(fx.state(id)).isEqualTo("new");
            assertThat(new FindingHistory(fx.db.dataSource()).currentDecision(fx.org.id(), id)).isEmpty();
            List<FindingHistory.Event> events = new FindingHistory(fx.db.dataSource()).events(fx.org.id(), id);
            assertThat(events).extracting(FindingHistory.Event::kind).contains("match_changed");
            assertThat(events.get(events.size() - 1).detail()).contains("2.15.0").contains("2.12.2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aFixedVersionClosesTheFindingAndItsReturnReopensIt(TestDatabases.Kind kind) {
        MutableClock clock = new MutableClock(START);
        try (RemediationFixture fx = new RemediationFixture(kind, clock)) {
            Pipeline p = new Pipeline(fx);
            p.log4shellAdvisory();
            p.sbom(fx.server, "2.14.1");
            long id = p.findingId(fx.server, CVE);
            fx.workflow.decide(fx.org.id(), id, Decision.of(DecisionAction.PATCH, "upgrade to 2.17.1", "sec-officer").withUntil(fx.today().plusDays(7)));

            clock.advanceDays(3);
            assertThat(p.sbom(fx.server, "2.17.1").closed()).isEqualTo(1);
            assertThat(fx.state(id)).as("verified by the version no longer matching").isEqualTo("fixed");

            clock.advanceDays(20);
            // The vendor rolled back.
            FindingRecorder.Result r = p.sbom(fx.server, "2.14.1");
            assertThat(r.reopened()).isEqualTo(1);
            assertThat(fx.state(id)).isEqualTo("new");
            assertThat(new FindingHistory(fx.db.dataSource()).currentDecision(fx.org.id(), id)).as("the old plan no longer speaks for it").isEmpty();
            assertThat(new FindingHistory(fx.db.dataSource()).events(fx.org.id(), id)).extracting(FindingHistory.Event::kind)
                    .containsSubsequence("detected", "decision", "closed", "reopened");
            LocalDate due = LocalDate.parse(fx.queryString("SELECT due_date FROM finding WHERE id = " + id));
            assertThat(due).as("a reopened finding gets a fresh deadline").isAfterOrEqualTo(fx.today());
        }
    }
}
