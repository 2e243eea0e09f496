package jp.mamori.triage.ssvc;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A person's decision to set one SSVC input of one finding, e.g. exposure "small" because the device
 * is unreachable after a firewall change. The reason and the person are kept: overrides are audited
 * and shown in the explanation.
 *
 * @param input  "exploitation", "automatable", "technical-impact", "exposure", "mission" or
 *               "human-impact" (camelCase accepted)
 * @param value  a key of that input's values, e.g. "active", "small"
 * @param reason why, in the officer's words (required)
 * @param who    who decided (required)
 * @throws IllegalArgumentException when the input, the value, the reason or the person is missing or unknown
 */
public record SsvcOverride(String input, String value, String reason, String who) {
    public static final Set<String> INPUTS =
            Set.of("exploitation", "automatable", "technical-impact", "exposure", "mission", "human-impact");

    public SsvcOverride {
        input = normalizeInput(input);
        if (!INPUTS.contains(input)) {
            throw new IllegalArgumentException("unknown SSVC input '" + input + "' (expected one of: "
                    + "exploitation, automatable, technical-impact, exposure, mission, human-impact)");
        }
        value = parse(input, value).key();
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("an override needs a reason");
        if (who == null || who.isBlank()) throw new IllegalArgumentException("an override needs the person who made it");
    }

    /** The override's value as the input's type. */
    public SsvcValue parsedValue() {
        return parse(input, value);
    }

    private static SsvcValue parse(String input, String value) {
        return switch (input) {
            case "exploitation" -> Exploitation.fromKey(value);
            case "automatable" -> Automatable.fromKey(value);
            case "technical-impact" -> TechnicalImpact.fromKey(value);
            case "exposure" -> Exposure.fromKey(value);
            case "mission" -> Mission.fromKey(value);
            case "human-impact" -> HumanImpact.fromKey(value);
            default -> throw new IllegalArgumentException("unknown SSVC input " + input);
        };
    }

    private static String normalizeInput(String input) {
        Objects.requireNonNull(input, "input");
        return input.trim().replaceAll("([a-z])([A-Z])", "$1-$2").replace('_', '-').replace(' ', '-').toLowerCase(Locale.ROOT);
    }
}
