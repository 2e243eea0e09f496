package jp.mamori.notify;

import java.util.List;
import java.util.Map;
import jp.mamori.triage.ssvc.Outcome;

/**
 * The words of a message: a subject and a plain-text body, Japanese first with English, the most
 * urgent things first. Every channel starts from these.
 */
public final class MessageText {

    /** Lines listed per section; the rest are counted ("ほか N 件"). */
    static final int MAX_LINES = 50;

    private MessageText() { }

    public static String subject(Message m) {
        String urgent = m.urgent() ? "【至急】" : "";
        if (m.digest() != null) {
            Digest d = m.digest();
            return urgent + "【Mamori】日次ダイジェスト " + d.date() + "（期限超過 " + d.overdue().size() + " 件・新規Act " + d.newAct().size()
                    + " 件） / daily digest";
        }
        return urgent + "【Mamori】脆弱性対応の更新 " + m.events().size() + " 件 / " + m.events().size() + " remediation update"
                + (m.events().size() == 1 ? "" : "s");
    }

    public static String body(Message m) {
        StringBuilder sb = new StringBuilder();
        sb.append(m.organizationName()).append(" — Mamori（守り）からのお知らせ / notification from Mamori\n");
        if (!m.events().isEmpty()) {
            sb.append("\n■ 更新 ").append(m.events().size()).append(" 件 / updates\n");
            List<NotificationEvent> sorted = m.events().stream()
                    .sorted((a, b) -> Boolean.compare(b.urgent(), a.urgent())).toList();
            int shown = 0;
            for (NotificationEvent e : sorted) {
                if (shown++ == MAX_LINES) {
                    sb.append("  …ほか ").append(sorted.size() - MAX_LINES).append(" 件 / and ").append(sorted.size() - MAX_LINES).append(" more\n");
                    break;
                }
                sb.append("・").append(e.urgent() ? "[至急] " : "").append(e.textJa()).append('\n');
                if (e.textEn() != null) sb.append("  ").append(e.textEn()).append('\n');
            }
        }
        if (m.digest() != null) digest(sb, m.digest());
        sb.append("\n詳細は Mamori の検出一覧で確認してください（mamori findings list）。\n")
                .append("See the findings list in Mamori for details.\n")
                .append("通知の設定 / notification settings: mamori notify prefs\n");
        return sb.toString();
    }

    private static void digest(StringBuilder sb, Digest d) {
        sb.append("\n■ 日次ダイジェスト ").append(d.date()).append("（").append(d.scope()).append("） / daily digest\n");
        sb.append("未対応の検出 / open findings: ");
        boolean first = true;
        for (Map.Entry<String, Long> e : d.openByOutcome().entrySet()) {
            Outcome o = Outcome.fromKey(e.getKey());
            sb.append(first ? "" : "、").append(o.labelJa()).append("(").append(o.display()).append(") ").append(e.getValue()).append(" 件");
            first = false;
        }
        sb.append('\n');
        section(sb, "期限超過 / overdue", d.overdue(), "期限 / due");
        section(sb, "新たに「直ちに対応(Act)」となった検出 / new Act findings", d.newAct(), "期限 / due");
        section(sb, "1週間以内に期限・見直し日を迎える判断 / decisions due within a week", d.expiring(), "日付 / date");
        section(sb, "見直し日を迎えた回避策 / mitigations due for review", d.reviews(), "見直し日 / review");
    }

    private static void section(StringBuilder sb, String title, List<Digest.Line> lines, String dateLabel) {
        sb.append("\n□ ").append(title).append(": ").append(lines.size()).append(" 件\n");
        int shown = 0;
        for (Digest.Line l : lines) {
            if (shown++ == MAX_LINES) {
                sb.append("  …ほか ").append(lines.size() - MAX_LINES).append(" 件 / and ").append(lines.size() - MAX_LINES).append(" more\n");
                break;
            }
            sb.append("・#").append(l.findingId()).append(' ').append(l.vulnId()).append("  ").append(l.assetCode());
            if (l.systemName() != null) sb.append("（").append(l.systemName()).append("）");
            if (l.outcome() != null) sb.append("  ").append(Outcome.fromKey(l.outcome()).display());
            if (l.date() != null) sb.append("  ").append(dateLabel).append(' ').append(l.date());
            if (l.note() != null) sb.append("  ").append(l.note());
            sb.append('\n');
        }
    }
}
