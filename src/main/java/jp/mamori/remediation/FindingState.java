package jp.mamori.remediation;

import java.util.Locale;

/** The life of a finding (SPEC §3). Matching sets NEW, FIXED and NOT_AFFECTED (VEX); people set the rest. */
public enum FindingState {
    NEW("新規"), TRIAGED("判断済み"), PATCH_SCHEDULED("パッチ適用予定"), MITIGATION_PLANNED("回避策計画中"), MITIGATED("回避策適用済み"),
    RISK_ACCEPTED("リスク受容"), NOT_AFFECTED("影響なし"), FALSE_POSITIVE("誤検出"), FIXED("解消");

    private final String ja;

    FindingState(String ja) {
        this.ja = ja;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String ja() {
        return ja;
    }

    public static FindingState fromKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Set by a person's decision, which a re-match keeps (unless the match itself changed). */
    public boolean decided() {
        return this == TRIAGED || this == PATCH_SCHEDULED || this == MITIGATION_PLANNED || this == MITIGATED || this == RISK_ACCEPTED
                || this == NOT_AFFECTED || this == FALSE_POSITIVE;
    }

    /**
     * The patch is still owed: new, triaged, patch scheduled, mitigation planned or mitigated (a workaround is
     * temporary). These are listed by default, on the asset page and on the dashboard, each with its label;
     * only fixed, not affected, false positive and a valid risk acceptance leave the lists (an expired
     * acceptance is reopened as new). See {@link Worklist}.
     */
    public boolean isOpen() {
        return this == NEW || this == TRIAGED || this == PATCH_SCHEDULED || this == MITIGATION_PLANNED || this == MITIGATED;
    }

    /** Decided with a patch-by date that is now the finding's deadline. */
    public boolean heldToDecisionDate() {
        return this == PATCH_SCHEDULED || this == MITIGATION_PLANNED || this == MITIGATED;
    }
}
