package jp.mamori.remediation;

import java.time.LocalDate;
import jp.mamori.notify.Recipient;
import jp.mamori.notify.Recipients;

/**
 * What a decision must carry before it is recorded: a reason; a date for patch, mitigation and risk
 * acceptance (never in the past; a risk acceptance at most a year ahead, so it is looked at again);
 * a security officer's approval for a risk acceptance; a VEX justification for not-affected.
 */
final class DecisionRules {

    static final int MAX_ACCEPTANCE_DAYS = 366;
    private static final int MAX_REASON = 4000;

    private final Recipients recipients;

    DecisionRules(Recipients recipients) {
        this.recipients = recipients;
    }

    /** Returns the decision as it will be stored (the approver filled in when a security officer decides alone). */
    Decision validate(long orgId, Decision d, LocalDate today) {
        if (d.action() == null) throw new WorkflowException("判断の種類を指定してください", "an action is required");
        if (d.actor() == null || d.actor().isBlank()) throw new WorkflowException("判断者を指定してください", "who decides is required");
        if (d.reason() == null || d.reason().isBlank()) {
            throw new WorkflowException("判断の理由を入力してください（" + d.action().ja() + "）",
                    "a reason is required (" + d.action().en() + ")");
        }
        if (d.reason().length() > MAX_REASON) {
            throw new WorkflowException("理由が長すぎます（最大 " + MAX_REASON + " 文字）", "reason is longer than " + MAX_REASON + " characters");
        }
        for (String link : d.evidenceLinks()) {
            if (link == null || link.isBlank() || link.length() > 1000 || link.contains("\n")) {
                throw new WorkflowException("根拠リンクが不正です: '" + link + "'", "bad evidence link: '" + link + "'");
            }
        }
        if (d.until() != null && d.until().isBefore(today)) {
            throw new WorkflowException("期限・見直し日 " + d.until() + " は過去の日付です（今日は " + today + "）",
                    "date " + d.until() + " is in the past (today is " + today + ")");
        }
        if (d.action().needsDate() && d.until() == null) {
            throw new WorkflowException("「" + d.action().ja() + "」には期限または見直し日（対応期限・見直し日・受容期限）が必要です",
                    "'" + d.action().key() + "' needs a date: patch-by, review or expiry date");
        }
        if (d.action() == DecisionAction.NOT_AFFECTED && d.justification() == null) {
            throw new WorkflowException("「影響なし」にはVEXの根拠が必要です（" + VexJustification.keys() + "）",
                    "not-affected needs a VEX justification (" + VexJustification.keys() + ")");
        }
        Decision out = d;
        if (d.action() == DecisionAction.ACCEPT) {
            if (d.until().isAfter(today.plusDays(MAX_ACCEPTANCE_DAYS))) {
                throw new WorkflowException("リスク受容の期限は1年以内にしてください（" + d.until() + "）",
                        "a risk acceptance may last at most one year (" + d.until() + ")");
            }
            String approver = d.approver();
            if (approver == null || approver.isBlank()) {
                Recipient actor = recipients.user(orgId, d.actor()).orElse(null);
                if (actor == null || !actor.securityOfficer()) {
                    throw new WorkflowException("リスク受容には情報セキュリティ担当の承認が必要です（承認者を指定してください）",
                            "a risk acceptance needs the approval of a security officer (name the approver)");
                }
                out = d.withApprover(actor.username());
            }
        }
        if (out.approver() != null && !out.approver().isBlank()) {
            Recipient approver = recipients.user(orgId, out.approver()).orElseThrow(() -> new WorkflowException(
                    "承認者 '" + d.approver() + "' はこの団体の有効なアカウントではありません",
                    "approver '" + d.approver() + "' is not an enabled account of this organisation"));
            if (!approver.securityOfficer()) {
                throw new WorkflowException("承認者 '" + approver.username() + "' は情報セキュリティ担当ではありません（役割 " + approver.role() + "）",
                        "approver '" + approver.username() + "' is not a security officer (role " + approver.role() + ")");
            }
        }
        return out;
    }
}
