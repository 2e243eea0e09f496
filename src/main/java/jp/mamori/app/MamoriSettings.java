package jp.mamori.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jp.mamori.triage.policy.TriagePolicy;
import jp.mamori.triage.policy.TriagePolicyYaml;

/**
 * Where Mamori keeps its files and what the environment says, resolved once for every front end.
 *
 * @param dataDir the data directory (embedded database, fetched feeds, policy and notification files)
 * @param env     the process environment (MAMORI_* settings)
 */
public record MamoriSettings(Path dataDir, Map<String, String> env) {

    public MamoriSettings {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public static MamoriSettings of(Path dataDir) {
        return new MamoriSettings(dataDir, System.getenv());
    }

    /**
     * The triage policy in force: {@code MAMORI_POLICY} (a YAML file) when set, else
     * {@code policy.yaml} in the data directory when present, else the defaults of SPEC §4.
     */
    public TriagePolicy policy() {
        String file = env.get("MAMORI_POLICY");
        if (file != null && !file.isBlank()) return TriagePolicyYaml.load(Path.of(file));
        Path inData = dataDir.resolve("policy.yaml");
        if (Files.isRegularFile(inData)) return TriagePolicyYaml.load(inData);
        return TriagePolicy.defaults();
    }

    /**
     * The detection policy file (issue 15): {@code MAMORI_DETECTION_POLICY} when set (it must exist), else
     * {@code detection.yaml} in the data directory when present, else null (today's defaults).
     */
    public Path detectionPolicyFile() {
        String file = env.get("MAMORI_DETECTION_POLICY");
        if (file != null && !file.isBlank()) {
            Path p = Path.of(file.strip());
            if (!Files.isRegularFile(p)) throw new IllegalArgumentException("MAMORI_DETECTION_POLICY: ファイルがありません / no such file: " + p);
            return p;
        }
        Path inData = dataDir.resolve("detection.yaml");
        return Files.isRegularFile(inData) ? inData : null;
    }

    /** {@code MAMORI_NOTIFY_CONFIG}, else notify.yaml / notify.yml / notify.properties in the data directory, else null. */
    public Path notifySettingsFile() {
        String file = env.get("MAMORI_NOTIFY_CONFIG");
        if (file != null && !file.isBlank()) {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p)) throw new IllegalArgumentException("MAMORI_NOTIFY_CONFIG: ファイルがありません / no such file: " + p);
            return p;
        }
        for (String name : new String[] {"notify.yaml", "notify.yml", "notify.properties"}) {
            Path p = dataDir.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    /**
     * {@code MAMORI_KB_MAX_AGE_DAYS}: how many days old the knowledge base's newest data may be before
     * a scan warns (0 = no age check); {@link jp.mamori.app.scan.KnowledgeFreshness#DEFAULT_MAX_AGE_DAYS} when unset.
     */
    public int kbMaxAgeDays() {
        String v = env.get("MAMORI_KB_MAX_AGE_DAYS");
        if (v == null || v.isBlank()) return jp.mamori.app.scan.KnowledgeFreshness.DEFAULT_MAX_AGE_DAYS;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MAMORI_KB_MAX_AGE_DAYS: 整数ではありません / not a whole number: " + v);
        }
    }

    public Path feedsDir() {
        return dataDir.resolve("feeds");
    }
}
