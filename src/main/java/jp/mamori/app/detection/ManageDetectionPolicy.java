package jp.mamori.app.detection;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.detection.rules.DetectionPolicy;
import jp.mamori.detection.rules.PolicySetting;

/**
 * "Show / change the organisation's detection thresholds" (issue 15: per-organisation policy): the
 * upload volume and request count per hour, the concurrent-address window, the session idle time
 * and the incident window. An organisation's own value replaces {@code detection.yaml}'s (or the
 * default) for it alone; {@code default} (or nothing) gives the file's value back. The same bounds
 * as the file; every value is checked before anything is stored, so a refused change stores none of
 * it; a change is one audit entry naming each setting and its value before and after.
 */
public final class ManageDetectionPolicy {

    /** One setting as shown: the value in force, whether the organisation set it, and the file's (or the default) value. */
    public record Row(PolicySetting setting, long value, boolean own, long fileValue) {
        public String text() { return setting.format(value); }
        public String fileText() { return setting.format(fileValue); }
    }

    private final Mamori mamori;

    public ManageDetectionPolicy(Mamori mamori) {
        this.mamori = mamori;
    }

    public List<Row> show(long orgId) {
        DetectionPolicy.Thresholds file = mamori.detectionSettings().thresholds();
        Map<PolicySetting, Long> own = mamori.detections().thresholds(orgId);
        List<Row> out = new ArrayList<>();
        for (PolicySetting p : PolicySetting.values()) {
            Long v = own.get(p);
            out.add(new Row(p, v == null ? p.of(file) : v, v != null, p.of(file)));
        }
        return out;
    }

    /**
     * Changes settings by key ({@code session-idle} → {@code 30m}; {@code default} or blank: the file's
     * value). Returns what changed ({@code key=before→after}); nothing changed: no audit entry.
     */
    public List<String> set(Actor actor, long orgId, Map<String, String> changes) {
        Map<PolicySetting, Long> wanted = new LinkedHashMap<>();
        for (Map.Entry<String, String> c : changes.entrySet()) {
            PolicySetting p;
            try {
                p = PolicySetting.fromKey(c.getKey());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage(), e);
            }
            String text = c.getValue() == null ? "" : c.getValue().strip();
            if (text.isEmpty() || text.equalsIgnoreCase("default")) {
                wanted.put(p, null);
                continue;
            }
            try {
                wanted.put(p, p.parse(text));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(p.key() + ": " + e.getMessage(), e);
            }
        }
        Map<PolicySetting, Row> before = new LinkedHashMap<>();
        for (Row r : show(orgId)) before.put(r.setting(), r);
        List<String> changed = new ArrayList<>();
        Map<PolicySetting, Long> apply = new LinkedHashMap<>();
        for (Map.Entry<PolicySetting, Long> w : wanted.entrySet()) {
            Row r = before.get(w.getKey());
            boolean same = w.getValue() == null ? !r.own() : r.own() && r.value() == w.getValue();
            if (same) continue;
            apply.put(w.getKey(), w.getValue());
            changed.add(w.getKey().key() + "=" + (r.own() ? r.text() : "default") + "→" + (w.getValue() == null ? "default" : w.getKey().format(w.getValue())));
        }
        if (changed.isEmpty()) return changed;
        return mamori.database().inTransaction(c -> {
            for (Map.Entry<PolicySetting, Long> a : apply.entrySet()) {
                mamori.detections().setThreshold(c, orgId, a.getKey(), a.getValue(), actor.name(), mamori.clock().instant());
            }
            Audited.record(mamori, c, actor, orgId, Audited.DETECTION_POLICY_CHANGED, "detection:policy", String.join(" ", changed));
            return changed;
        });
    }

    /** The JSON of {@code detection policy show --format json} and {@code GET /api/v1/detection/policy}. */
    /** A setting as the JSON documents give it: its value in force and the file's, in seconds and as written. */
    @JsonPropertyOrder({"key", "value", "text", "source", "fileValue", "fileText"})
    public record Setting(String key, long value, String text, String source, long fileValue, String fileText) { }

    public static List<Setting> json(List<Row> rows) {
        return rows.stream().map(r -> new Setting(r.setting().key(), r.value(), r.text(), r.own() ? "organization" : "file", r.fileValue(),
                r.fileText())).toList();
    }
}
