package jp.mamori.triage;

import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.Reference;
import jp.mamori.triage.cvss.CvssChoice;
import jp.mamori.triage.cvss.CvssMetrics;
import jp.mamori.triage.policy.TableChoice;
import jp.mamori.triage.policy.TriagePolicy;
import jp.mamori.triage.ssvc.Automatable;
import jp.mamori.triage.ssvc.Exploitation;
import jp.mamori.triage.ssvc.Exposure;
import jp.mamori.triage.ssvc.HumanImpact;
import jp.mamori.triage.ssvc.Mission;
import jp.mamori.triage.ssvc.SsvcInput;
import jp.mamori.triage.ssvc.SsvcInputs;
import jp.mamori.triage.ssvc.SsvcOverride;
import jp.mamori.triage.ssvc.TechnicalImpact;

/**
 * Derives the SSVC inputs from the facts (SPEC §4), then applies per-finding overrides. Evidence
 * strings are language-neutral facts (dates, vectors, scores); sentences are the explanation's job.
 */
final class InputDerivation {
    private final TriagePolicy policy;

    InputDerivation(TriagePolicy policy) {
        this.policy = policy;
    }

    static ExploitationEvidence exploitationEvidence(VulnerabilityFacts f, double threshold) {
        List<String> exploits = f.references().stream().filter(Reference::isExploit).map(Reference::url).toList();
        return new ExploitationEvidence(f.kev(), f.sourceSaysExploited(), f.exploitedEvidence(), exploits, f.epss(), threshold);
    }

    /** Result of derivation: the inputs plus what the mission was before the policy raise. */
    record Derived(SsvcInputs inputs, Mission missionFromAsset, boolean missionRaised) { }

    Derived derive(ExploitationEvidence ev, CvssChoice cvss, AssetContext asset, List<SsvcOverride> overrides) {
        SsvcInput<Exploitation> exploitation = exploitation(ev);
        SsvcInput<Automatable> automatable = automatable(cvss);
        SsvcInput<TechnicalImpact> technicalImpact = technicalImpact(cvss);
        SsvcInput<Exposure> exposure = SsvcInput.derived(asset.exposure(), asset.exposureSource(), "exposure " + asset.exposure().key());

        exploitation = override(overrides, "exploitation", exploitation, Exploitation.class);
        automatable = override(overrides, "automatable", automatable, Automatable.class);
        technicalImpact = override(overrides, "technical-impact", technicalImpact, TechnicalImpact.class);
        exposure = override(overrides, "exposure", exposure, Exposure.class);

        // the raise uses the exposure in force (an override of exposure counts); an override of the
        // mission itself is the officer's final word and is not raised again
        boolean raise = policy.raiseMissionWhenOpen() && policy.table() == TableChoice.CISA_COORDINATOR
                && exposure.value() == Exposure.OPEN && asset.mission() != Mission.HIGH;
        SsvcInput<Mission> mission = raise
                ? SsvcInput.derived(asset.mission().oneStepUp(), "policy",
                        "importance " + asset.mission().key() + " (" + asset.missionSource() + "), raised one step: exposure open")
                : SsvcInput.derived(asset.mission(), asset.missionSource(), "importance " + asset.mission().key());
        SsvcInput<Mission> finalMission = override(overrides, "mission", mission, Mission.class);
        boolean raised = raise && !finalMission.overridden();

        SsvcInput<HumanImpact> human = SsvcInput.derived(HumanImpact.of(finalMission.value()), "mission",
                "from mission " + finalMission.value().key());
        human = override(overrides, "human-impact", human, HumanImpact.class);
        return new Derived(new SsvcInputs(exploitation, automatable, technicalImpact, exposure, finalMission, human),
                asset.mission(), raised);
    }

    private static SsvcInput<Exploitation> exploitation(ExploitationEvidence ev) {
        List<String> parts = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        if (ev.inKev()) {
            sources.add("kev");
            parts.add("CISA KEV dateAdded " + ev.kevDateAdded() + ", dueDate " + ev.kevDueDate()
                    + ", knownRansomwareCampaignUse " + ev.kev().ransomware());
        }
        if (ev.sourceSaysExploited()) {
            sources.add("advisory");
            parts.add("exploited per " + (ev.sourceEvidence() == null ? "advisory" : ev.sourceEvidence()));
        }
        if (ev.publicExploit()) {
            sources.add("exploit-reference");
            parts.add(ev.exploitReferences().size() + " exploit reference(s): " + String.join(" ", ev.exploitReferences()));
        }
        if (ev.epss() != null) {
            if (ev.epssAtOrAboveThreshold()) sources.add("epss");
            parts.add("EPSS " + ev.epss().score() + " (percentile " + ev.epss().percentile() + ", " + ev.epss().scoreDate() + ") "
                    + (ev.epssAtOrAboveThreshold() ? ">=" : "<") + " threshold " + ev.epssThreshold());
        }
        if (parts.isEmpty()) parts.add("not in KEV, no exploitation statement, no exploit reference, no EPSS score");
        return SsvcInput.derived(ev.derived(), sources.isEmpty() ? "none" : String.join("+", sources), String.join("; ", parts));
    }

    private SsvcInput<Automatable> automatable(CvssChoice cvss) {
        CvssMetrics m = cvss.metrics();
        if (m == null) return unknown(policy.assumeWorstWhenCvssUnknown() ? Automatable.YES : Automatable.NO);
        List<String> facts = new ArrayList<>();
        facts.add(m.networkAttack() ? "network" : "not network");
        facts.add(m.lowComplexity() ? "low complexity" : "high complexity");
        facts.add(m.noPrivileges() ? "no privileges" : "privileges required");
        facts.add(m.userInteractionUnknown() ? "user interaction not expressible in v2"
                : m.noUserInteraction() ? "no user interaction" : "user interaction required");
        return SsvcInput.derived(Automatable.of(m.automatable()), cvssSource(cvss), m.vector() + " (" + String.join(", ", facts) + ")");
    }

    private SsvcInput<TechnicalImpact> technicalImpact(CvssChoice cvss) {
        CvssMetrics m = cvss.metrics();
        if (m == null) return unknown(policy.assumeWorstWhenCvssUnknown() ? TechnicalImpact.TOTAL : TechnicalImpact.PARTIAL);
        String facts = "confidentiality " + (m.highConfidentiality() ? "high" : "not high")
                + ", integrity " + (m.highIntegrity() ? "high" : "not high");
        return SsvcInput.derived(TechnicalImpact.of(m.totalTechnicalImpact()), cvssSource(cvss), m.vector() + " (" + facts + ")");
    }

    private <T extends Enum<T> & jp.mamori.triage.ssvc.SsvcValue> SsvcInput<T> unknown(T value) {
        return SsvcInput.derived(value, "policy", "no usable CVSS vector; "
                + (policy.assumeWorstWhenCvssUnknown() ? "worst case assumed" : "lower value assumed"));
    }

    private static String cvssSource(CvssChoice cvss) {
        return "cvss:" + cvss.chosen().source() + " v" + cvss.metrics().version();
    }

    /** The last override of an input wins; its source is the person, its evidence the reason. */
    private static <T extends Enum<T> & jp.mamori.triage.ssvc.SsvcValue> SsvcInput<T> override(
            List<SsvcOverride> overrides, String input, SsvcInput<T> derived, Class<T> type) {
        SsvcInput<T> out = derived;
        for (SsvcOverride o : overrides) {
            if (o.input().equals(input)) {
                T value = type.cast(o.parsedValue());
                out = new SsvcInput<>(value, "override:" + o.who(),
                        o.reason() + " (derived: " + derived.value().key() + ")", true);
            }
        }
        return out;
    }
}
