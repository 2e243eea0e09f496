package jp.mamori.remediation;

import java.time.LocalDate;

/**
 * What the officer does next about a finding, in one sentence, from its state, its deadline in force and
 * the mitigation items still open: the finding page's summary and {@code findings show} print the same.
 */
public record NextAction(String ja, String en) {

    /**
     * @param state     the finding's state
     * @param due       the deadline in force (null when none)
     * @param openItems mitigation items not yet done (or not applicable)
     * @param until     the date of the decision in force (accepted risk: its end), or null
     */
    public static NextAction of(FindingState state, LocalDate due, int openItems, LocalDate until) {
        String by = due == null ? "" : due + " までに";
        String byEn = due == null ? "" : " by " + due;
        return switch (state) {
            case NEW, TRIAGED -> new NextAction("対応を判断して記録してください（パッチ適用・回避策・リスク受容など）" + (due == null ? "" : "。期限 " + due),
                    "Decide and record what to do (patch, mitigate, accept the risk…)" + (due == null ? "" : "; due " + due));
            case MITIGATION_PLANNED -> new NextAction("回避策・確認項目を完了してください（残り " + openItems + " 件）。そのうえで" + by + "パッチを適用",
                    "Finish the mitigation and checklist items (" + openItems + " left), then patch" + byEn);
            case MITIGATED -> new NextAction(by + "パッチを適用してください（回避策は適用済み）",
                    "Apply the patch" + byEn + " (the mitigation is in place)");
            case PATCH_SCHEDULED -> new NextAction(by + "パッチを適用し、適用後の SBOM を登録してください",
                    "Apply the patch" + byEn + " and upload the asset's SBOM afterwards");
            case RISK_ACCEPTED -> new NextAction(until == null ? "受容の期限に見直してください" : until + " にリスク受容を見直してください",
                    until == null ? "Review the accepted risk when it ends" : "Review the accepted risk on " + until);
            case NOT_AFFECTED, FALSE_POSITIVE, FIXED -> new NextAction("対応は不要です（再び該当したときは新たに検出されます）",
                    "Nothing to do (a new match is detected again)");
        };
    }

    public String text(boolean english) {
        return english ? en : ja;
    }
}
