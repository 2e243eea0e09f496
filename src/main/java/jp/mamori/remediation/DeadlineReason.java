package jp.mamori.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import jp.mamori.persistence.StoredJson;
import jp.mamori.triage.policy.Deadline;

/**
 * Why a finding's deadline in force is the date it is, in words a municipal officer can check: the
 * policy's days from first detection (or from the day its outcome rose), an earlier CISA KEV due date,
 * or the patch-by date of the decision in force with who set it and why. A KEV due date that had passed
 * before detection is carried as a fact ("CISA KEV期限 … は検出前に経過"), never as the deadline.
 *
 * <p>One home for the basis: the finding page, the CLI's {@code findings show}, the API and the exports
 * all render this value, so the state, the date and the words agree. It asks {@link Lifecycle} — where
 * the deadline in force is computed — whether the decision's date holds.
 *
 * @param kind                 what decided the date
 * @param due                  the deadline in force (null when none)
 * @param policyDays           the policy's days for the outcome (null when the stored evidence predates it)
 * @param countedFrom          the day the policy's days count from (null when unknown)
 * @param fromFirstDetection   countedFrom is the day of first detection (else the day the outcome rose or the finding came back)
 * @param kevDueDate           the CISA KEV due date, when the vulnerability is in KEV
 * @param kevPassedBeforeDetection the KEV due date lay before the finding was first seen (a fact, not the deadline)
 * @param action               the decision in force (kind DECISION)
 * @param decidedBy            who set the decision's date
 * @param decidedOn            when (Asia/Tokyo)
 * @param decisionReason       the decision's reason as written
 */
public record DeadlineReason(Kind kind, LocalDate due, Integer policyDays, LocalDate countedFrom, boolean fromFirstDetection,
                             LocalDate kevDueDate, boolean kevPassedBeforeDetection, DecisionAction action, String decidedBy,
                             LocalDate decidedOn, String decisionReason) {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    public enum Kind {
        /** first detection (or the day the outcome rose) + the policy's days */
        POLICY("policy"),
        /** the CISA KEV due date, earlier than the policy's date and after detection */
        KEV("kev"),
        /** the patch-by date of the decision in force */
        DECISION("decision"),
        /** no deadline (closed, accepted, not affected) */
        NONE("none");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * The reason of a stored finding's deadline in force.
     *
     * @param row      the finding as lists show it ({@link FindingRow#due()} is the deadline in force)
     * @param evidence the stored evidence JSON (the triage's basis: dueBasis, duePolicyDays, dueFrom, kev.dueDate); null or blank allowed
     * @param current  the decision in force, or null
     */
    public static DeadlineReason of(FindingRow row, String evidence, StoredDecision current) {
        JsonNode ev = read(evidence);
        FindingState state = FindingState.fromKey(row.state());
        LocalDate kev = date(ev.path("kev").path("dueDate"));
        String basis = ev.path("dueBasis").asText("");
        boolean kevPassed = "kev_passed_before_detection".equals(basis);
        Integer days = ev.hasNonNull("duePolicyDays") ? ev.get("duePolicyDays").asInt() : null;
        LocalDate from = date(ev.path("dueFrom"));
        boolean fromFirst = from == null || row.firstSeen() == null || !from.isAfter(row.firstSeen().atZone(TOKYO).toLocalDate());
        if (row.due() == null) return new DeadlineReason(Kind.NONE, null, days, from, fromFirst, kev, kevPassed, null, null, null, null);
        if (current != null && Lifecycle.decisionSetsDeadline(state, new Lifecycle.InForce(current.action(), null, current.until()))
                && row.due().equals(current.until())) {
            return new DeadlineReason(Kind.DECISION, row.due(), days, from, fromFirst, kev, kevPassed, current.action(), current.actor(),
                    current.decidedAt() == null ? null : current.decidedAt().atZone(TOKYO).toLocalDate(), current.reason());
        }
        Kind kind = "kev".equals(basis) && kev != null && kev.equals(row.due()) ? Kind.KEV : Kind.POLICY;
        return new DeadlineReason(kind, row.due(), days, from, fromFirst, kev, kevPassed, null, null, null, null);
    }

    /** The reason of a triage deadline not yet stored (a scan report): the policy's days or KEV. */
    public static DeadlineReason of(Deadline d, LocalDate countedFrom) {
        Kind kind = d.basis() == Deadline.Basis.KEV ? Kind.KEV : Kind.POLICY;
        return new DeadlineReason(kind, d.dueDate(), d.policyDays(), countedFrom, true, d.kevDueDate(),
                d.basis() == Deadline.Basis.KEV_PASSED_BEFORE_DETECTION, null, null, null, null);
    }

    /** What decided the date, short: 「対応判断のパッチ期限（sec-officer が 2026-12-03 に設定）」. */
    public String basisJa() {
        return switch (kind) {
            case DECISION -> "対応判断の" + actionDateJa() + "（" + (decidedBy == null ? "" : decidedBy + " が ")
                    + (decidedOn == null ? "" : decidedOn + " に") + "設定）";
            case KEV -> "CISA KEVの期限" + (policyDays == null ? "" : "（対応方針の" + policyDays + "日より早いため）");
            case POLICY -> policyDays == null ? "対応方針の日数" : (countedFrom == null ? "判定日" : fromJa() + " " + countedFrom)
                    + " から " + policyDays + "日（対応方針）";
            case NONE -> "期限なし";
        };
    }

    public String basisEn() {
        return switch (kind) {
            case DECISION -> "the decision's " + actionDateEn() + " (set by " + (decidedBy == null ? "?" : decidedBy)
                    + (decidedOn == null ? "" : " on " + decidedOn) + ")";
            case KEV -> "the CISA KEV due date" + (policyDays == null ? "" : " (earlier than the policy's " + policyDays + " days)");
            case POLICY -> policyDays == null ? "the policy's days" : policyDays + " days from " + (countedFrom == null ? "the decision"
                    : fromEn() + " " + countedFrom) + " (policy)";
            case NONE -> "no deadline";
        };
    }

    /**
     * The basis in a few words, for a list row beside the date (dashboard, findings list): 「方針: 検出日+30日」,
     * 「判断で設定したパッチ期限（sec-officer）」, 「CISA KEV期限」; null when there is no deadline. The same kind and
     * facts as {@link #basisJa()}, so the row and the finding page cannot disagree.
     */
    public String shortJa() {
        return switch (kind) {
            case POLICY -> policyDays == null ? "方針の日数" : "方針: " + (fromFirstDetection ? "検出日" : "優先度上昇日") + "+" + policyDays + "日";
            case KEV -> "CISA KEV期限";
            case DECISION -> "判断で設定した" + actionDateJa() + (decidedBy == null ? "" : "（" + decidedBy + "）");
            case NONE -> null;
        };
    }

    public String shortEn() {
        return switch (kind) {
            case POLICY -> policyDays == null ? "policy days" : "policy: " + (fromFirstDetection ? "detection" : "outcome rose") + " + " + policyDays + " days";
            case KEV -> "CISA KEV due date";
            case DECISION -> actionDateEn() + " set by decision" + (decidedBy == null ? "" : " (" + decidedBy + ")");
            case NONE -> null;
        };
    }

    public String shortText(boolean english) {
        return english ? shortEn() : shortJa();
    }

    /** The KEV fact beside the deadline: 「CISA KEV期限 2023-11-08 は検出前に経過（参考）」, or null. */
    public String kevFactJa() {
        return kevPassedBeforeDetection && kevDueDate != null ? "CISA KEV期限 " + kevDueDate + " は検出前に経過（参考）" : null;
    }

    public String kevFactEn() {
        return kevPassedBeforeDetection && kevDueDate != null ? "the CISA KEV due date " + kevDueDate + " had passed before detection (for reference)" : null;
    }

    /** The whole reason in one line (exports, CLI): basis, the decision's reason, the KEV fact. */
    public String ja() {
        StringBuilder sb = new StringBuilder();
        if (due != null) sb.append(due).append("：");
        sb.append(basisJa());
        if (kind == Kind.DECISION && decisionReason != null && !decisionReason.isBlank()) sb.append("。理由: ").append(decisionReason.strip());
        String kev = kevFactJa();
        if (kev != null) sb.append("。").append(kev);
        return sb.toString();
    }

    public String en() {
        StringBuilder sb = new StringBuilder();
        if (due != null) sb.append(due).append(": ");
        sb.append(basisEn());
        if (kind == Kind.DECISION && decisionReason != null && !decisionReason.isBlank()) sb.append(". Reason: ").append(decisionReason.strip());
        String kev = kevFactEn();
        if (kev != null) sb.append(". ").append(kev);
        return sb.toString();
    }

    public String text(boolean english) {
        return english ? en() : ja();
    }

    private String fromJa() {
        return fromFirstDetection ? "初回検出" : "優先度が上がった日";
    }

    private String fromEn() {
        return fromFirstDetection ? "first detection" : "the day the outcome rose";
    }

    private String actionDateJa() {
        return action == DecisionAction.MITIGATE || action == DecisionAction.PATCH ? "パッチ期限" : "期限";
    }

    private String actionDateEn() {
        return action == DecisionAction.MITIGATE || action == DecisionAction.PATCH ? "patch-by date" : "date";
    }

    private static JsonNode read(String evidence) {
        if (evidence == null || evidence.isBlank()) return StoredJson.MAPPER.createObjectNode();
        try {
            return StoredJson.MAPPER.readTree(evidence);
        } catch (java.io.IOException e) {
            return StoredJson.MAPPER.createObjectNode();
        }
    }

    private static LocalDate date(JsonNode n) {
        if (n == null || !n.isTextual()) return null;
        try {
            return LocalDate.parse(n.asText());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
