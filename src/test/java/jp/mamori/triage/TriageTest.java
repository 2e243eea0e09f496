package jp.mamori.triage;

import static jp.mamori.triage.Facts.CLOCK;
import static jp.mamori.triage.Facts.CRITICAL_RCE;
import static jp.mamori.triage.Facts.vuln;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import jp.mamori.advisory.CvssScore;
import jp.mamori.triage.policy.Deadline;
import jp.mamori.triage.policy.TableChoice;
import jp.mamori.triage.policy.TriagePolicy;
import jp.mamori.triage.ssvc.Automatable;
import jp.mamori.triage.ssvc.Exploitation;
import jp.mamori.triage.ssvc.Exposure;
import jp.mamori.triage.ssvc.HumanImpact;
import jp.mamori.triage.ssvc.Mission;
import jp.mamori.triage.ssvc.Outcome;
import jp.mamori.triage.ssvc.SsvcOverride;
import jp.mamori.triage.ssvc.TechnicalImpact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriageTest {
    private final Triage triage = new Triage(TriagePolicy.defaults(), CLOCK);

    @Test
    void kevListedInternetFacingRceIsActDueInThreeDays() {
        TriageResult r = triage.triage(vuln("CVE-2099-1000").nvd(CRITICAL_RCE).kev("2026-11-20", "2026-12-11", "Known").build(),
                AssetContext.of(Exposure.OPEN, Mission.HIGH), List.of());
        assertThat(r.outcome()).isEqualTo(Outcome.ACT);
        assertThat(r.ruleText()).isEqualTo("cisa_coordinator 2.0.3 row 35: active/yes/total/high → Act");
        assertThat(r.exploitation()).isEqualTo(Exploitation.ACTIVE);
        assertThat(r.inputs().exploitation().source()).isEqualTo("kev");
        assertThat(r.inputs().exploitation().evidence()).contains("dateAdded 2026-11-20", "knownRansomwareCampaignUse Known");
        assertThat(r.exploitationEvidence().knownRansomware()).isTrue();
        assertThat(r.inputs().automatable().value()).isEqualTo(Automatable.YES);
        assertThat(r.inputs().automatable().source()).isEqualTo("cvss:nvd v3.1");
        assertThat(r.inputs().technicalImpact().value()).isEqualTo(TechnicalImpact.TOTAL);
        assertThat(r.severity()).isEqualTo("Critical");
        assertThat(r.severityJa()).isEqualTo("緊急");
        assertThat(r.decisionDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(r.dueDate()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(r.deadline().basis()).isEqualTo(Deadline.Basis.POLICY);
        assertThat(r.overdue()).isFalse();
    }

    @Test
    void citrixBleedKeepsNvdScoreShowsCnaScoreAndAKevDueDatePastBeforeDetectionIsAFactNotTheDeadline() {
        // CVE-2023-4966 as published: NVD 7.5 (C:H/I:N/A:N), Citrix 9.4; KEV 2023-10-18, due 2023-11-08
        TriageResult r = triage.triage(vuln("CVE-2023-4966")
                        .cvss(new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:L", 9.4, "cna:citrix", "Secondary"))
                        .cvss(new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, "nvd", "Primary"))
                        .kev("2023-10-18", "2023-11-08", "Known").build(),
                AssetContext.of(Exposure.OPEN, Mission.MEDIUM), List.of());
        assertThat(r.cvss().baseScore()).isEqualTo(7.5);
        assertThat(r.cvss().higherScore()).isEqualTo(9.4);
        assertThat(r.inputs().technicalImpact().value()).as("NVD vector: integrity none").isEqualTo(TechnicalImpact.PARTIAL);
        assertThat(r.missionFromAsset()).isEqualTo(Mission.MEDIUM);
        assertThat(r.missionUsed()).isEqualTo(Mission.HIGH);
        assertThat(r.missionRaised()).isTrue();
        assertThat(r.ruleText()).isEqualTo("cisa_coordinator 2.0.3 row 32: active/yes/partial/high → Act");
        assertThat(r.dueDate()).as("first detection 2026-11-26 + 3 days").isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(r.deadline().basis()).isEqualTo(Deadline.Basis.KEV_PASSED_BEFORE_DETECTION);
        assertThat(r.deadline().kevDueDate()).isEqualTo(LocalDate.of(2023, 11, 8));
        assertThat(r.overdue()).isFalse();
        TriageResult strict = new Triage(TriagePolicy.defaults().withStrictKevDueDate(true), CLOCK).triage(vuln("CVE-2023-4966")
                        .nvd("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N").kev("2023-10-18", "2023-11-08", "Known").build(),
                AssetContext.of(Exposure.OPEN, Mission.MEDIUM), List.of());
        assertThat(strict.dueDate()).as("strict policy").isEqualTo(LocalDate.of(2023, 11, 8));
        assertThat(strict.overdue()).isTrue();
    }

    @Test
    void kevDueDateCapsALaterPolicyDeadline() {
        // active but isolated and of low importance: Track (90 days) - yet KEV's due date rules
        TriageResult r = triage.triage(vuln("CVE-2099-1001").nvd("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H")
                        .kev("2026-11-19", "2026-12-10", "Unknown").build(),
                AssetContext.of(Exposure.SMALL, Mission.LOW), List.of());
        assertThat(r.outcome()).isEqualTo(Outcome.TRACK);
        assertThat(r.deadline().policyDueDate()).isEqualTo(LocalDate.of(2027, 2, 24));
        assertThat(r.dueDate()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(r.deadline().basis()).isEqualTo(Deadline.Basis.KEV);
        assertThat(r.overdue()).isFalse();
    }

    @Test
    void epssAboveThresholdIsPocAndInternalHighMissionIsAttend() {
        TriageResult r = triage.triage(vuln("CVE-2099-1002").nvd(CRITICAL_RCE).epss(0.35, 0.97).build(),
                AssetContext.of(Exposure.CONTROLLED, Mission.HIGH), List.of());
        assertThat(r.exploitation()).isEqualTo(Exploitation.POC);
        assertThat(r.inputs().exploitation().source()).isEqualTo("epss");
        assertThat(r.exploitationEvidence().epssAtOrAboveThreshold()).isTrue();
        assertThat(r.missionRaised()).isFalse();
        assertThat(r.outcome()).isEqualTo(Outcome.ATTEND);
        assertThat(r.ruleText()).isEqualTo("cisa_coordinator 2.0.3 row 23: public poc/yes/total/high → Attend");
        assertThat(r.dueDate()).isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void publicExploitNeedingPrivilegesIsTrackStar() {
        TriageResult r = triage.triage(vuln("CVE-2099-1003").nvd("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H")
                        .exploitRef("https://example.org/poc").ref("https://example.org/advisory", "Vendor Advisory").build(),
                AssetContext.of(Exposure.CONTROLLED, Mission.MEDIUM), List.of());
        assertThat(r.exploitation()).isEqualTo(Exploitation.POC);
        assertThat(r.exploitationEvidence().exploitReferences()).containsExactly("https://example.org/poc");
        assertThat(r.inputs().exploitation().source()).isEqualTo("exploit-reference");
        assertThat(r.inputs().automatable().value()).isEqualTo(Automatable.NO);
        assertThat(r.inputs().automatable().evidence()).contains("privileges required");
        assertThat(r.outcome()).isEqualTo(Outcome.TRACK_STAR);
        assertThat(r.ruleText()).isEqualTo("cisa_coordinator 2.0.3 row 16: public poc/no/total/medium → Track*");
        assertThat(r.dueDate()).isEqualTo(LocalDate.of(2026, 12, 26));
    }

    @Test
    void nothingKnownOnAnIsolatedLowImportanceAssetIsTrack() {
        TriageResult r = triage.triage(vuln("CVE-2099-1004").nvd(CRITICAL_RCE).epss(0.02, 0.80).build(),
                AssetContext.of(Exposure.SMALL, Mission.LOW), List.of());
        assertThat(r.exploitation()).isEqualTo(Exploitation.NONE);
        assertThat(r.inputs().exploitation().evidence()).contains("EPSS 0.02", "< threshold 0.1");
        assertThat(r.outcome()).isEqualTo(Outcome.TRACK);
        assertThat(r.dueDate()).isEqualTo(LocalDate.of(2027, 2, 24));
    }

    @ParameterizedTest(name = "EPSS {0} with threshold {1} -> {2}")
    @CsvSource({"0.1, 0.1, POC", "0.0999, 0.1, NONE", "0.35, 0.5, NONE", "0.5, 0.5, POC", "0.0, 0.0, POC"})
    void epssThresholdIsInclusiveAndConfigurable(double epss, double threshold, Exploitation expected) {
        Triage t = new Triage(TriagePolicy.defaults().withEpssPocThreshold(threshold), CLOCK);
        TriageResult r = t.triage(vuln("CVE-2099-1005").nvd(CRITICAL_RCE).epss(epss, 0.9).build(),
                AssetContext.of(Exposure.CONTROLLED, Mission.MEDIUM), List.of());
        assertThat(r.exploitation()).isEqualTo(expected);
    }

    @Test
    void advisoryStatementOfExploitationIsActive() {
        TriageResult r = triage.triage(vuln("CVE-2099-1006").nvd(CRITICAL_RCE).exploitedPer("jvn JVNDB-2099-000001").build(),
                AssetContext.of(Exposure.CONTROLLED, Mission.MEDIUM), List.of());
        assertThat(r.exploitation()).isEqualTo(Exploitation.ACTIVE);
        assertThat(r.inputs().exploitation().source()).isEqualTo("advisory");
        assertThat(r.inputs().exploitation().evidence()).contains("jvn JVNDB-2099-000001");
        assertThat(r.outcome()).isEqualTo(Outcome.ACT);
    }

    @Test
    void exposureOverrideRemovesTheMissionRaise() {
        SsvcOverride o = new SsvcOverride("exposure", "small", "FW rule blocks the VPN portal since 2026-11-20", "suzuki");
        TriageResult r = triage.triage(vuln("CVE-2099-1007").nvd(CRITICAL_RCE).kev("2026-11-20", "2026-12-11", "Unknown").build(),
                AssetContext.of(Exposure.OPEN, Mission.MEDIUM), List.of(o));
        assertThat(r.inputs().exposure().value()).isEqualTo(Exposure.SMALL);
        assertThat(r.inputs().exposure().overridden()).isTrue();
        assertThat(r.inputs().exposure().source()).isEqualTo("override:suzuki");
        assertThat(r.inputs().exposure().evidence()).contains("FW rule blocks", "derived: open");
        assertThat(r.missionRaised()).isFalse();
        assertThat(r.missionUsed()).isEqualTo(Mission.MEDIUM);
        assertThat(r.outcome()).isEqualTo(Outcome.ACT); // active/yes/total/medium
        assertThat(r.overrides()).containsExactly(o);
    }

    @Test
    void overridesOfExploitationTechnicalImpactAndMissionAreFinal() {
        List<SsvcOverride> overrides = List.of(
                new SsvcOverride("exploitation", "none", "KEV entry concerns another product line", "tanaka"),
                new SsvcOverride("technicalImpact", "partial", "runs as unprivileged user", "tanaka"),
                new SsvcOverride("mission", "low", "test environment", "sato"));
        TriageResult r = triage.triage(vuln("CVE-2099-1008").nvd(CRITICAL_RCE).kev("2026-11-20", "2026-12-11", "Unknown").build(),
                AssetContext.of(Exposure.OPEN, Mission.MEDIUM), overrides);
        assertThat(r.exploitation()).isEqualTo(Exploitation.NONE);
        assertThat(r.exploitationEvidence().inKev()).as("the facts stay visible").isTrue();
        assertThat(r.inputs().technicalImpact().value()).isEqualTo(TechnicalImpact.PARTIAL);
        assertThat(r.missionUsed()).as("an overridden mission is not raised again").isEqualTo(Mission.LOW);
        assertThat(r.missionRaised()).isFalse();
        assertThat(r.ruleText()).isEqualTo("cisa_coordinator 2.0.3 row 6: none/yes/partial/low → Track");
        assertThat(r.dueDate()).as("KEV due date still caps").isEqualTo(LocalDate.of(2026, 12, 11));
    }

    @Test
    void lastOverrideOfAnInputWins() {
        TriageResult r = triage.triage(vuln("CVE-2099-1009").nvd(CRITICAL_RCE).build(),
                AssetContext.of(Exposure.SMALL, Mission.LOW), List.of(
                        new SsvcOverride("exploitation", "poc", "exploit seen on a forum", "a"),
                        new SsvcOverride("exploitation", "active", "attack seen in our logs", "b")));
        assertThat(r.exploitation()).isEqualTo(Exploitation.ACTIVE);
        assertThat(r.inputs().exploitation().source()).isEqualTo("override:b");
    }

    @Test
    void invalidOverridesAreRejected() {
        assertThatThrownBy(() -> new SsvcOverride("severity", "high", "r", "w")).hasMessageContaining("unknown SSVC input");
        assertThatThrownBy(() -> new SsvcOverride("exposure", "internet", "r", "w")).hasMessageContaining("expected one of: small, controlled, open");
        assertThatThrownBy(() -> new SsvcOverride("exposure", "open", " ", "w")).hasMessageContaining("reason");
        assertThatThrownBy(() -> new SsvcOverride("exposure", "open", "r", null)).hasMessageContaining("person");
    }

    @Test
    void raiseCanBeSwitchedOff() {
        Triage t = new Triage(TriagePolicy.defaults().withRaiseMissionWhenOpen(false), CLOCK);
        TriageResult r = t.triage(vuln("CVE-2099-1010").nvd(CRITICAL_RCE).epss(0.5, 0.99).build(),
                AssetContext.of(Exposure.OPEN, Mission.MEDIUM), List.of());
        assertThat(r.missionUsed()).isEqualTo(Mission.MEDIUM);
        assertThat(r.outcome()).isEqualTo(Outcome.TRACK_STAR); // poc/yes/total/medium
    }

    @Test
    void deployerTableTakesExposureItselfAndDoesNotRaiseMission() {
        Triage t = new Triage(TriagePolicy.defaults().withTable(TableChoice.DEPLOYER), CLOCK);
        TriageResult r = t.triage(vuln("CVE-2099-1011").nvd(CRITICAL_RCE).kev("2026-11-20", "2026-12-11", "Unknown").build(),
                AssetContext.of(Exposure.OPEN, Mission.HIGH), List.of());
        assertThat(r.missionRaised()).isFalse();
        assertThat(r.inputs().humanImpact().value()).isEqualTo(HumanImpact.HIGH);
        assertThat(r.outcome()).isEqualTo(Outcome.ACT);
        assertThat(r.ruleText()).isEqualTo("deployer 1.0.0 row 70: active/open/yes/high → immediate (Act)");

        TriageResult medium = t.triage(vuln("CVE-2099-1011").nvd(CRITICAL_RCE).kev("2026-11-20", "2026-12-11", "Unknown").build(),
                AssetContext.of(Exposure.OPEN, Mission.MEDIUM), List.of());
        assertThat(medium.ruleText()).isEqualTo("deployer 1.0.0 row 69: active/open/yes/medium → out-of-cycle (Attend)");
        assertThat(medium.dueDate()).isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void withoutCvssTheWorstCaseIsAssumedUnlessThePolicySaysOtherwise() {
        TriageResult r = triage.triage(vuln("JVNDB-2099-000002").build(), AssetContext.of(Exposure.OPEN, Mission.MEDIUM), List.of());
        assertThat(r.cvss().present()).isFalse();
        assertThat(r.severity()).isNull();
        assertThat(r.inputs().automatable().value()).isEqualTo(Automatable.YES);
        assertThat(r.inputs().automatable().source()).isEqualTo("policy");
        assertThat(r.inputs().technicalImpact().value()).isEqualTo(TechnicalImpact.TOTAL);
        assertThat(r.outcome()).isEqualTo(Outcome.ATTEND); // none/yes/total/high

        TriagePolicy lenient = new TriagePolicy(TableChoice.CISA_COORDINATOR, 0.1, true, false,
                TriagePolicy.defaults().deadlines(), TriagePolicy.defaults().cvssSourceOrder(),
                TriagePolicy.defaults().cvssVersionOrder(), TriagePolicy.TOKYO);
        TriageResult l = new Triage(lenient, CLOCK).triage(vuln("JVNDB-2099-000002").build(),
                AssetContext.of(Exposure.OPEN, Mission.MEDIUM), List.of());
        assertThat(l.inputs().automatable().value()).isEqualTo(Automatable.NO);
        assertThat(l.inputs().technicalImpact().value()).isEqualTo(TechnicalImpact.PARTIAL);
        assertThat(l.outcome()).isEqualTo(Outcome.TRACK);
    }

    @Test
    void deadlineCountsFromAnEarlierDecisionAndTurnsOverdue() {
        TriageResult r = triage.triage(vuln("CVE-2099-1002").nvd(CRITICAL_RCE).epss(0.35, 0.97).build(),
                AssetContext.of(Exposure.CONTROLLED, Mission.HIGH), List.of(), LocalDate.of(2026, 11, 1));
        assertThat(r.outcome()).isEqualTo(Outcome.ATTEND);
        assertThat(r.decisionDate()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(r.dueDate()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(r.overdue()).isTrue();
    }

    @Test
    void todayIsTheDateInTokyo() {
        // 2026-11-25 15:30 UTC is already 2026-11-26 00:30 in Tokyo
        Clock lateUtc = Clock.fixed(Instant.parse("2026-11-25T15:30:00Z"), ZoneOffset.UTC);
        TriageResult r = new Triage(TriagePolicy.defaults(), lateUtc).triage(vuln("CVE-2099-1000").nvd(CRITICAL_RCE)
                .kev("2026-11-20", "2026-12-11", "Known").build(), AssetContext.of(Exposure.OPEN, Mission.HIGH), List.of());
        assertThat(r.decisionDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(r.dueDate()).isEqualTo(LocalDate.of(2026, 11, 29));
    }
}
