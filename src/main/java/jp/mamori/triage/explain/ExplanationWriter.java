package jp.mamori.triage.explain;

import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.EpssScore;
import jp.mamori.triage.ExploitationEvidence;
import jp.mamori.triage.TriageResult;
import jp.mamori.triage.cvss.CvssChoice;
import jp.mamori.triage.cvss.CvssMetrics;
import jp.mamori.triage.cvss.CvssSourceNames;
import jp.mamori.triage.policy.Deadline;
import jp.mamori.triage.ssvc.Automatable;
import jp.mamori.triage.ssvc.Exploitation;
import jp.mamori.triage.ssvc.Outcome;
import jp.mamori.triage.ssvc.SsvcInput;
import jp.mamori.triage.ssvc.SsvcOverride;
import jp.mamori.triage.ssvc.TechnicalImpact;

/**
 * Writes the plain-language reason for a triage result, in Japanese and English, from the result's
 * facts only (no per-CVE prose is stored): how it is exploited, why the table decided as it did,
 * when it is due, which CVSS score was used and any override. Meant for a security officer who is
 * not a specialist, so it says "without authentication, over the network" rather than "PR:N/AV:N".
 */
public final class ExplanationWriter {

    public Explanation write(TriageResult r) {
        return new Explanation(java.util.Objects.requireNonNull(r, "result"), this);
    }

    public String ja(TriageResult r) {
        List<String> s = new ArrayList<>();
        s.add(exploitationJa(r));
        s.add(decisionJa(r));
        s.add(missionJa(r));
        s.add(deadlineJa(r.deadline()));
        s.add(cvssJa(r.cvss()));
        if (r.cvss().higherNoteJa() != null) s.add(r.cvss().higherNoteJa());
        for (SsvcOverride o : r.overrides()) {
            s.add("判断の変更: " + Words.inputJa(o.input()) + "を「" + Words.valueJa(o.parsedValue()) + "」に変更（"
                    + o.who() + "、理由: " + o.reason() + "）。");
        }
        return String.join("", s);
    }

    public String en(TriageResult r) {
        List<String> s = new ArrayList<>();
        s.add(exploitationEn(r));
        s.add(decisionEn(r));
        s.add(missionEn(r));
        s.add(deadlineEn(r.deadline()));
        s.add(cvssEn(r.cvss()));
        if (r.cvss().higherNoteEn() != null) s.add(r.cvss().higherNoteEn());
        for (SsvcOverride o : r.overrides()) {
            s.add("Override: " + Words.inputEn(o.input()) + " set to " + o.value() + " by " + o.who()
                    + " (reason: " + o.reason() + ").");
        }
        return String.join(" ", s);
    }

    // ---- exploitation -------------------------------------------------------------------------

    private static String exploitationJa(TriageResult r) {
        ExploitationEvidence ev = r.exploitationEvidence();
        SsvcInput<Exploitation> in = r.inputs().exploitation();
        StringBuilder b = new StringBuilder();
        if (ev.inKev()) {
            b.append("CISA KEVに").append(ev.kevDateAdded()).append("から掲載（攻撃が確認済み")
                    .append(ev.knownRansomware() ? "、ランサムウェア攻撃での悪用も確認" : "").append("）。");
        } else if (ev.sourceSaysExploited()) {
            b.append("提供元の情報で攻撃が確認済み");
            if (ev.sourceEvidence() != null) b.append("（").append(ev.sourceEvidence()).append("）");
            b.append("。");
        } else {
            if (ev.publicExploit()) b.append("攻撃コード（PoC）が公開済み（参考情報").append(ev.exploitReferences().size()).append("件）。");
            if (ev.epssAtOrAboveThreshold()) {
                b.append("EPSS（30日以内に悪用される可能性の予測）が").append(percent(ev.epss()))
                        .append("で、基準の").append(percent(ev.epssThreshold())).append("以上。");
            }
            if (b.length() == 0) {
                b.append("現時点で攻撃や攻撃コードの公開は確認されていない");
                if (ev.epss() != null) b.append("（EPSS ").append(percent(ev.epss())).append("）");
                b.append("。");
            }
        }
        if (in.overridden()) {
            b.append("ただし悪用状況は担当者の判断で「").append(Words.valueJa(in.value())).append("」とする。");
        }
        return b.toString();
    }

    private static String exploitationEn(TriageResult r) {
        ExploitationEvidence ev = r.exploitationEvidence();
        SsvcInput<Exploitation> in = r.inputs().exploitation();
        List<String> s = new ArrayList<>();
        if (ev.inKev()) {
            s.add("Listed in CISA KEV since " + ev.kevDateAdded() + " (exploitation confirmed"
                    + (ev.knownRansomware() ? "; also used in ransomware campaigns" : "") + ").");
        } else if (ev.sourceSaysExploited()) {
            s.add("A source reports exploitation in the wild" + (ev.sourceEvidence() == null ? "" : " (" + ev.sourceEvidence() + ")") + ".");
        } else {
            if (ev.publicExploit()) s.add("Exploit code is public (" + ev.exploitReferences().size() + " reference(s)).");
            if (ev.epssAtOrAboveThreshold()) {
                s.add("EPSS (predicted chance of exploitation within 30 days) is " + percent(ev.epss())
                        + ", at or above the " + percent(ev.epssThreshold()) + " threshold.");
            }
            if (s.isEmpty()) {
                s.add("No exploitation or public exploit code is known so far"
                        + (ev.epss() == null ? "" : " (EPSS " + percent(ev.epss()) + ")") + ".");
            }
        }
        if (in.overridden()) s.add("Exploitation was set to " + in.value().key() + " by staff decision.");
        return String.join(" ", s);
    }

    // ---- the table's decision -----------------------------------------------------------------

    private static String decisionJa(TriageResult r) {
        Outcome o = r.outcome();
        String verdict = "『" + o.display() + "（" + o.labelJa() + "）』。";
        String facts = Words.exposureJa(r.inputs().exposure().value()) + "で、" + automatableJa(r) + "、" + impactJa(r);
        // "because the impact is large" reads right only for total impact; otherwise state the facts and the verdict
        return r.inputs().technicalImpact().value() == TechnicalImpact.TOTAL ? facts + "ため" + verdict : facts + "。総合判定: " + verdict;
    }

    private static String decisionEn(TriageResult r) {
        Outcome o = r.outcome();
        return Words.exposureEn(r.inputs().exposure().value()) + "; " + automatableEn(r) + "; " + impactEn(r)
                + ": " + o.display() + " (" + o.labelEn() + ").";
    }

    private static String automatableJa(TriageResult r) {
        SsvcInput<Automatable> in = r.inputs().automatable();
        CvssMetrics m = r.cvss().metrics();
        if (in.overridden() || m == null) {
            String v = in.value() == Automatable.YES ? "攻撃の自動化が可能" : "攻撃の自動化は困難";
            return v + (in.overridden() ? "（担当者の判断）" : "（CVSSがないため" + (in.value() == Automatable.YES ? "最悪の場合を想定" : "仮定") + "）");
        }
        if (in.value() == Automatable.YES) return "認証なしにネットワーク経由で自動化可能";
        List<String> why = new ArrayList<>();
        if (!m.networkAttack()) why.add("ネットワーク経由では攻撃できない");
        if (!m.lowComplexity()) why.add("攻撃の条件が複雑");
        if (!m.noPrivileges()) why.add("認証（権限）が必要");
        if (!m.noUserInteraction()) why.add("利用者の操作が必要");
        return "攻撃の自動化は難しく（理由: " + String.join("・", why) + "）";
    }

    private static String automatableEn(TriageResult r) {
        SsvcInput<Automatable> in = r.inputs().automatable();
        CvssMetrics m = r.cvss().metrics();
        if (in.overridden() || m == null) {
            String v = in.value() == Automatable.YES ? "attacks can be automated" : "attacks are hard to automate";
            return v + (in.overridden() ? " (staff decision)" : " (no CVSS vector; " + (in.value() == Automatable.YES ? "worst case assumed)" : "assumed)"));
        }
        if (in.value() == Automatable.YES) return "it can be attacked over the network without authentication, and attacks can be automated";
        List<String> why = new ArrayList<>();
        if (!m.networkAttack()) why.add("cannot be attacked over the network");
        if (!m.lowComplexity()) why.add("attack conditions are complex");
        if (!m.noPrivileges()) why.add("the attacker needs to be authenticated");
        if (!m.noUserInteraction()) why.add("a user has to take an action");
        return "attacks are hard to automate (" + String.join(", ", why) + ")";
    }

    private static String impactJa(TriageResult r) {
        SsvcInput<TechnicalImpact> in = r.inputs().technicalImpact();
        String v = in.value() == TechnicalImpact.TOTAL ? "機密性・完全性への影響が大きい" : "影響は一部に限られる";
        if (in.overridden()) return v + "（担当者の判断）";
        if (r.cvss().metrics() == null) return v + "（CVSSがないため" + (in.value() == TechnicalImpact.TOTAL ? "最悪の場合を想定" : "仮定") + "）";
        return v;
    }

    private static String impactEn(TriageResult r) {
        SsvcInput<TechnicalImpact> in = r.inputs().technicalImpact();
        String v = in.value() == TechnicalImpact.TOTAL ? "high impact on confidentiality and integrity" : "the impact is partial";
        if (in.overridden()) return v + " (staff decision)";
        if (r.cvss().metrics() == null) return v + " (no CVSS vector; " + (in.value() == TechnicalImpact.TOTAL ? "worst case assumed)" : "assumed)");
        return v;
    }

    private static String missionJa(TriageResult r) {
        String s = "業務への影響度は「" + Words.missionJa(r.missionUsed()) + "」";
        if (r.missionRaised()) s += "（インターネット公開のため「" + Words.missionJa(r.missionFromAsset()) + "」から1段階引き上げ）";
        else if (r.inputs().mission().overridden()) s += "（担当者の判断）";
        return s + "。";
    }

    private static String missionEn(TriageResult r) {
        String s = "Mission impact: " + r.missionUsed().key();
        if (r.missionRaised()) s += " (raised from " + r.missionFromAsset().key() + " because the device is internet-facing)";
        else if (r.inputs().mission().overridden()) s += " (staff decision)";
        return s + ".";
    }

    // ---- deadline and CVSS --------------------------------------------------------------------

    private static String deadlineJa(Deadline d) {
        String basis = d.basis() == Deadline.Basis.KEV ? "KEVの期限による" : "判定日から" + d.policyDays() + "日";
        String kev = d.basis() == Deadline.Basis.KEV_PASSED_BEFORE_DETECTION
                ? "CISA KEV期限 " + d.kevDueDate() + " は検出前に経過（参考）。" : "";
        return "期限: " + d.dueDate() + "（" + basis + "）。" + kev + (d.overdue() ? "期限を過ぎています。" : "");
    }

    private static String deadlineEn(Deadline d) {
        String basis = d.basis() == Deadline.Basis.KEV ? "KEV due date" : d.policyDays() + " days from the decision";
        String kev = d.basis() == Deadline.Basis.KEV_PASSED_BEFORE_DETECTION
                ? " The CISA KEV due date " + d.kevDueDate() + " had passed before detection (for reference)." : "";
        return "Due: " + d.dueDate() + " (" + basis + ")." + kev + (d.overdue() ? " This is overdue." : "");
    }

    private static String cvssJa(CvssChoice c) {
        if (!c.present()) return "CVSSスコアはありません。";
        return "CVSS: " + score(c.baseScore()) + "（" + c.severity().labelJa() + "、" + CvssSourceNames.ja(c.chosen().source())
                + " v" + version(c) + "）。";
    }

    private static String cvssEn(CvssChoice c) {
        if (!c.present()) return "No CVSS score is available.";
        return "CVSS: " + score(c.baseScore()) + " (" + c.severity().label() + ", " + CvssSourceNames.en(c.chosen().source())
                + " v" + version(c) + ").";
    }

    private static String version(CvssChoice c) {
        return c.metrics() != null ? c.metrics().version() : c.chosen().version();
    }

    private static String score(double s) {
        return jp.mamori.triage.cvss.OneDecimal.of(s);
    }

    private static String percent(EpssScore e) {
        return percent(e.score());
    }

    private static String percent(double p) {
        String s = jp.mamori.triage.cvss.OneDecimal.of(p * 100);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
    }
}
