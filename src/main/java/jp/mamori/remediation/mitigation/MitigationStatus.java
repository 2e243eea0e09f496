package jp.mamori.remediation.mitigation;

import java.util.Locale;
import jp.mamori.remediation.WorkflowException;

/** Progress of one mitigation item. */
public enum MitigationStatus {
    TODO("未着手"), DOING("実施中"), DONE("完了"), NOT_APPLICABLE("対象外");

    private final String ja;

    MitigationStatus(String ja) {
        this.ja = ja;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String ja() {
        return ja;
    }

    public boolean finished() {
        return this == DONE || this == NOT_APPLICABLE;
    }

    public static MitigationStatus fromKey(String key) {
        String k = key == null ? "" : key.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (MitigationStatus s : values()) if (s.name().equals(k)) return s;
        throw new WorkflowException("回避策の状態が不明です: '" + key + "'（todo, doing, done, not_applicable）",
                "unknown mitigation status '" + key + "' (todo, doing, done, not_applicable)");
    }
}
