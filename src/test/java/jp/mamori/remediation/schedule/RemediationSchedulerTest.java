package jp.mamori.remediation.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import jp.mamori.remediation.Decision;
import jp.mamori.remediation.DecisionAction;
import jp.mamori.remediation.FindingHistory;
import jp.mamori.remediation.FindingState;
import jp.mamori.remediation.MutableClock;
import jp.mamori.remediation.Pipeline;
import jp.mamori.remediation.RecordingMail;
import jp.mamori.remediation.RemediationFixture;
import jp.mamori.notify.Notifier;
import jp.mamori.notify.NotificationSettingsStore;
import jp.mamori.notify.Preference;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The daily run with an injected clock: expiry, overdue escalation, raised outcomes, the digest. */
class RemediationSchedulerTest {

    /** 09:00 in Tokyo. */
    private static final Instant MORNING = Instant.parse("2026-12-01T00:00:00Z");
    private static final String OFFICER = "officer@city.example";

    private static RemediationScheduler scheduler(RemediationFixture fx, RecordingMail mail) {
        return new RemediationScheduler(fx.db, new Notifier(fx.db, fx.recipients, mail, null, fx.clock));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anAcceptedRiskIsReopenedTheDayAfterItExpires(TestDatabases.Kind kind) {
        MutableClock clock = new MutableClock(MORNING);
        try (RemediationFixture fx = new RemediationFixture(kind, clock)) {
            RecordingMail mail = new RecordingMail();
            long id = fx.finding(fx.server, "purl:x", "CVE-2020-0001", "track", fx.today().plusDays(90), FindingState.NEW);
            LocalDate until = fx.today().plusDays(10);
            fx.workflow.decide(fx.org.id(), id, Decision.of(DecisionAction.ACCEPT, "system retired in January", "sec-officer").withUntil(until));

            clock.advanceDays(10);
            scheduler(fx, mail).runDaily(clock);
            assertThat(fx.state(id)).as("still accepted on its last day").isEqualTo("risk_accepted");

            clock.advanceDays(1);
            mail.clear();
            DailyReport r = scheduler(fx, mail).runDaily(clock);
            assertThat(r.acceptancesExpired()).isEqualTo(1);
            assertThat(fx.state(id)).isEqualTo("new");
            assertThat(new FindingHistory(fx.db.dataSource()).currentDecision(fx.org.id(), id)).isEmpty();
            assertThat(new FindingHistory(fx.db.dataSource()).decisions(fx.org.id(), id).get(0).supersededReason()).contains("expired");
            assertThat(mail.to(OFFICER)).hasSize(1);
            assertThat(mail.to(OFFICER).get(0).body()).contains("リスク受容の期限（" + until + "）が過ぎ");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void overdueFindingsAreEscalatedOnceToTheSystemsAdministratorTheOfficerAndForActTheCiso(TestDatabases.Kind kind) {
        MutableClock clock = new MutableClock(MORNING);
        try (RemediationFixture fx = new RemediationFixture(kind, clock)) {
            fx.securitySchema();
            long ciso = fx.user("ciso", "SECURITY_OFFICER", "ciso@city.example");
            fx.makeCiso(ciso);
            fx.assign(fx.user("juki-admin", "SYSTEM_ADMIN", "juki@city.example"), fx.juki.id());
            fx.assign(fx.user("tw-admin", "SYSTEM_ADMIN", "tw@city.example"), fx.telework.id());
            fx.user("idle-admin", "SYSTEM_ADMIN", "idle@city.example");
            long act = fx.finding(fx.gateway, "device", "CVE-2023-4966", "act", fx.today().minusDays(1), FindingState.NEW);
            long attend = fx.finding(fx.server, "purl:x", "CVE-2022-22965", "attend", fx.today().minusDays(2), FindingState.TRIAGED);
            long notYet = fx.finding(fx.server, "purl:y", "CVE-2022-0001", "attend", fx.today(), FindingState.NEW);
            long planned = fx.finding(fx.server, "purl:z", "CVE-2022-0002", "act", fx.today().minusDays(5), FindingState.NEW);
            // A patch date the organisation committed to replaces the triage deadline.
            fx.workflow.decide(fx.org.id(), planned, Decision.of(DecisionAction.PATCH, "maintenance window", "sec-officer").withUntil(fx.today().plusDays(3)));
            RecordingMail mail = new RecordingMail();

            DailyReport r = scheduler(fx, mail).runDaily(clock);

            assertThat(r.overdueMarked()).isEqualTo(2);
            assertThat(fx.queryString("SELECT overdue_since FROM finding WHERE id = " + act)).isEqualTo(fx.today().toString());
            assertThat(fx.queryString("SELECT overdue_since FROM finding WHERE id = " + notYet)).isNull();
            assertThat(fx.queryString("SELECT overdue_since FROM finding WHERE id = " + planned)).isNull();
            String escalatedAct = ": #" + act + " CVE-2023-4966";
            String escalatedAttend = ": #" + attend + " CVE-2022-22965";
            assertThat(mail.to(OFFICER)).singleElement().satisfies(m -> assertThat(m.body()).contains(escalatedAct, escalatedAttend));
            assertThat(mail.to("ciso@city.example")).singleElement().satisfies(m -> assertThat(m.body()).contains(escalatedAct).doesNotContain(escalatedAttend));
            assertThat(mail.to("tw@city.example")).singleElement().satisfies(m -> assertThat(m.body()).contains(escalatedAct).doesNotContain(escalatedAttend)
                    .doesNotContain("CVE-2022-22965"));
            assertThat(mail.to("juki@city.example")).singleElement().satisfies(m -> assertThat(m.body()).contains(escalatedAttend).doesNotContain("CVE-2023-4966"));
            assertThat(mail.to("idle@city.example")).as("not their system").isEmpty();
            assertThat(mail.sent).allMatch(m -> m.subject().startsWith("【至急】"));

            mail.clear();
            DailyReport again = scheduler(fx, mail).runDaily(clock);
            assertThat(again.overdueMarked()).isZero();
            assertThat(mail.sent).as("same day: no second escalation, no second digest").isEmpty();

            clock.advanceDays(1);
            scheduler(fx, mail).runDaily(clock);
            // The finding due yesterday is now overdue too; the two already escalated are only in the digest.
            assertThat(mail.to(OFFICER)).singleElement().satisfies(m -> assertThat(m.body()).contains("日次ダイジェスト").contains("期限超過 / overdue: 3 件")
                    .contains(": #" + notYet + " CVE-2022-0001").doesNotContain(escalatedAct).doesNotContain(escalatedAttend));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aKevListingRaisesTheOutcomeResetsTheDeadlineReopensTheAcceptanceAndNotifies(TestDatabases.Kind kind) {
        MutableClock clock = new MutableClock(MORNING);
        try (RemediationFixture fx = new RemediationFixture(kind, clock)) {
            Pipeline p = new Pipeline(fx);
            p.log4shellAdvisory();
            p.sbom(fx.server, "2.14.1");
            long id = p.findingId(fx.server, "CVE-2021-44228");
            String before = fx.queryString("SELECT outcome FROM finding WHERE id = " + id);
            fx.workflow.decide(fx.org.id(), id, Decision.of(DecisionAction.ACCEPT, "isolated segment, no exploitation known", "sec-officer")
                    .withUntil(fx.today().plusDays(60)));
            RecordingMail mail = new RecordingMail();
            scheduler(fx, mail).runDaily(clock);

            clock.advanceDays(1);
            p.kevLog4Shell(fx.today().toString(), fx.today().plusDays(14).toString());
            p.reassess("CVE-2021-44228");
            String after = fx.queryString("SELECT outcome FROM finding WHERE id = " + id);
            assertThat(after).as("KEV raises the outcome").isNotEqualTo(before);
            mail.clear();

            DailyReport r = scheduler(fx, mail).runDaily(clock);

            assertThat(r.outcomeRaised()).isEqualTo(1);
            assertThat(fx.state(id)).isEqualTo("new");
            LocalDate due = LocalDate.parse(fx.queryString("SELECT due_date FROM finding WHERE id = " + id));
            assertThat(due).isAfterOrEqualTo(fx.today()).isBeforeOrEqualTo(fx.today().plusDays(14));
            assertThat(new FindingHistory(fx.db.dataSource()).events(fx.org.id(), id)).extracting(FindingHistory.Event::kind)
                    .containsSubsequence("decision", "outcome_changed", "reopened", "deadline_reset");
            assertThat(mail.to(OFFICER)).singleElement().satisfies(m -> assertThat(m.body()).contains("対応度が上がりました")
                    .contains("新しい期限 " + due).contains("リスク受容を取り消し"));

            mail.clear();
            scheduler(fx, mail).runDaily(clock);
            assertThat(fx.count("SELECT COUNT(*) FROM finding_event WHERE kind = 'deadline_reset'")).as("handled once").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aDigestOnlyReaderGetsTheDaysChangesWithTheDigestNotBefore(TestDatabases.Kind kind) {
        MutableClock clock = new MutableClock(MORNING);
        try (RemediationFixture fx = new RemediationFixture(kind, clock)) {
            long quiet = fx.user("quiet", "SECURITY_OFFICER", "quiet@city.example");
            new NotificationSettingsStore(fx.db.dataSource()).setPreference(quiet, new Preference(Preference.Channel.EMAIL, false, null, null));
            long none = fx.user("none", "SECURITY_OFFICER", "none@city.example");
            new NotificationSettingsStore(fx.db.dataSource()).setPreference(none, new Preference(Preference.Channel.NONE, true, null, null));
            RecordingMail mail = new RecordingMail();
            RemediationScheduler s = scheduler(fx, mail);
            s.runDaily(clock);
            mail.clear();

            clock.advance(java.time.Duration.ofHours(2));
            long id = fx.finding(fx.server, "purl:x", "CVE-2021-44228", "act", fx.today().plusDays(3), FindingState.NEW);
            fx.workflow.decide(fx.org.id(), id, Decision.of(DecisionAction.FALSE_POSITIVE, "log4j-api only, no core", "sec-officer"));
            s.processChanges(clock);
            assertThat(mail.to(OFFICER)).hasSize(1);
            assertThat(mail.to("quiet@city.example")).isEmpty();
            assertThat(mail.to("none@city.example")).isEmpty();

            clock.advanceDays(1);
            mail.clear();
            s.runDaily(clock);
            assertThat(mail.to("quiet@city.example")).singleElement().satisfies(m -> assertThat(m.body())
                    .contains("log4j-api only, no core").contains("日次ダイジェスト"));
            assertThat(mail.to(OFFICER)).singleElement().satisfies(m -> assertThat(m.body()).contains("日次ダイジェスト").doesNotContain("log4j-api only"));
            assertThat(mail.to("none@city.example")).isEmpty();
        }
    }
}
