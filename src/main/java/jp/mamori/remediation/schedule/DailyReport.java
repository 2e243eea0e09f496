package jp.mamori.remediation.schedule;

import java.util.List;

/** What one daily run did, for the operator and the log. */
public record DailyReport(int outcomeRaised, int reopened, int acceptancesExpired, int overdueMarked, int escalatedToCiso,
                          int overdueCleared, int events, int messages, int failures, List<String> errors) {

    public String summaryJa() {
        return "対応度上昇 " + outcomeRaised + " 件、再開 " + reopened + " 件、リスク受容の期限切れ " + acceptancesExpired
                + " 件、期限超過（新規） " + overdueMarked + " 件（うちCISOへ " + escalatedToCiso + " 件）、通知 " + messages + " 通（イベント "
                + events + " 件、失敗 " + failures + " 通）";
    }

    public String summaryEn() {
        return outcomeRaised + " outcome raised, " + reopened + " reopened, " + acceptancesExpired + " risk acceptances expired, "
                + overdueMarked + " newly overdue (" + escalatedToCiso + " to the CISO), " + messages + " messages (" + events
                + " events, " + failures + " failed)";
    }
}
