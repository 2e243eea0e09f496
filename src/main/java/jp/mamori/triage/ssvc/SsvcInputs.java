package jp.mamori.triage.ssvc;

import java.util.Objects;

/**
 * Every decision-point value a decision table may read, each with its source and evidence.
 * {@code mission} is the value the table uses (after the policy's raise for open exposure);
 * {@code humanImpact} is read by the deployer table only.
 */
public record SsvcInputs(SsvcInput<Exploitation> exploitation,
                         SsvcInput<Automatable> automatable,
                         SsvcInput<TechnicalImpact> technicalImpact,
                         SsvcInput<Exposure> exposure,
                         SsvcInput<Mission> mission,
                         SsvcInput<HumanImpact> humanImpact) {
    public SsvcInputs {
        Objects.requireNonNull(exploitation, "exploitation");
        Objects.requireNonNull(automatable, "automatable");
        Objects.requireNonNull(technicalImpact, "technicalImpact");
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(mission, "mission");
        Objects.requireNonNull(humanImpact, "humanImpact");
    }
}
