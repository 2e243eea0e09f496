package jp.mamori.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.mamori.triage.policy.TriagePolicy;
import jp.mamori.triage.policy.TriagePolicyYaml;

/**
 * The triage policy in force: {@code MAMORI_POLICY} (a YAML file) when set, else
 * {@code policy.yaml} in the data directory when present, else the defaults of SPEC §4.
 */
final class Policies {
    private Policies() { }

    static TriagePolicy load(Path dataDir) {
        String env = System.getenv("MAMORI_POLICY");
        if (env != null && !env.isBlank()) return TriagePolicyYaml.load(Path.of(env));
        Path file = dataDir.resolve("policy.yaml");
        if (Files.isRegularFile(file)) return TriagePolicyYaml.load(file);
        return TriagePolicy.defaults();
    }
}
