package jp.mamori.remediation;

import java.util.Locale;

/**
 * What a person decides about a finding (SPEC §3 対応判断) and the state it leads to. FIXED is not
 * here: only matching may say a finding is fixed, when the version no longer matches.
 */
public enum DecisionAction {
    TRIAGE("triage", FindingState.TRIAGED, "確認済み（対応を検討中）", "triaged, response being decided"),
    PATCH("patch", FindingState.PATCH_SCHEDULED, "パッチ適用", "apply the patch"),
    MITIGATE("mitigate", FindingState.MITIGATION_PLANNED, "回避策を適用", "apply a mitigation"),
    ACCEPT("accept", FindingState.RISK_ACCEPTED, "リスク受容", "accept the risk"),
    NOT_AFFECTED("not-affected", FindingState.NOT_AFFECTED, "影響なし", "not affected"),
    FALSE_POSITIVE("false-positive", FindingState.FALSE_POSITIVE, "誤検出", "false positive"),
    REOPEN("reopen", FindingState.NEW, "再検討", "reopen");

    private final String key;
    private final FindingState target;
    private final String ja;
    private final String en;

    DecisionAction(String key, FindingState target, String ja, String en) {
        this.key = key;
        this.target = target;
        this.ja = ja;
        this.en = en;
    }

    public String key() {
        return key;
    }

    /** The state the decision leads to; a mitigation becomes MITIGATED only once its items are done ({@link Lifecycle#decided}). */
    public FindingState target() {
        return target;
    }

    public String ja() {
        return ja;
    }

    public String en() {
        return en;
    }

    /**
     * The date the decision is bound to: the patch-by date, the mitigation's review date, the end of a
     * risk acceptance. Deciding these without a date is how findings get forgotten.
     */
    public boolean needsDate() {
        return this == PATCH || this == MITIGATE || this == ACCEPT;
    }

    public static DecisionAction fromKey(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (DecisionAction a : values()) if (a.key.equals(k)) return a;
        throw new WorkflowException("判断の種類が不明です: '" + key + "'（patch, mitigate, accept, not-affected, false-positive, triage, reopen）",
                "unknown action '" + key + "' (patch, mitigate, accept, not-affected, false-positive, triage, reopen)");
    }
}
