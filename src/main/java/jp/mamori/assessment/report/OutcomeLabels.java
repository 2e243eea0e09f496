package jp.mamori.assessment.report;

import jp.mamori.triage.ssvc.Exploitation;

/** Japanese words for report columns. */
public final class OutcomeLabels {
    private OutcomeLabels() { }

    public static String exploitationJa(Exploitation e) {
        return switch (e) {
            case ACTIVE -> "悪用確認";
            case POC -> "PoCあり";
            case NONE -> "なし";
        };
    }
}
