package jp.mamori.partners;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.inventory.scope.Tier;

/**
 * Builds the readiness report (a pure function of the facts, table-tested): one row per
 * countermeasure of the ministry's report, each green / amber / red with the evidence that decided it.
 */
public final class Readiness {

    /** Flags that leave the patch process itself uncontracted: red when they touch a boundary device or an urgent finding. */
    static final Set<RiskFlag> PROCESS_FLAGS = Set.of(RiskFlag.PATCH_CAP, RiskFlag.DEVICES_OUT_OF_SCOPE, RiskFlag.NO_JUDGEMENT, RiskFlag.EXPIRED);
    static final int NDA_WARNING_DAYS = 60;
    public static final int DRILL_INTERVAL_DAYS = 365;

    private Readiness() { }

    public static ReadinessReport build(String orgCode, String orgName, LocalDate today, Collection<CoveredAsset> assets, List<ContractView> contracts,
                                        List<Flag> flags, List<Vendor> irPartners, Map<Long, ConfigShare> lastShare, RoleMatrix roles,
                                        List<SystemRoles> systems) {
        return build(orgCode, orgName, today, assets, contracts, flags, irPartners, lastShare, roles, systems, null);
    }

    /** {@code boundarySha256}: the boundary devices as they are now ({@link ShareStore#boundaryFingerprint}); a share of others is due again. */
    public static ReadinessReport build(String orgCode, String orgName, LocalDate today, Collection<CoveredAsset> assets, List<ContractView> contracts,
                                        List<Flag> flags, List<Vendor> irPartners, Map<Long, ConfigShare> lastShare, RoleMatrix roles,
                                        List<SystemRoles> systems, String boundarySha256) {
        List<ReadinessReport.Row> rows = new ArrayList<>();
        rows.add(boundary(today, assets));
        rows.add(contracts(assets, contracts, flags));
        rows.add(uncontracted(assets, flags));
        rows.add(sbom(assets));
        rows.add(irPartner(today, irPartners));
        rows.add(nda(today, irPartners));
        rows.add(share(today, irPartners, lastShare, boundarySha256));
        rows.add(roles(roles));
        rows.add(systemRoles(systems));
        rows.add(drill(today, roles, systems));
        return new ReadinessReport(ReadinessReport.SCHEMA, orgCode, orgName, today, rows);
    }

    static ReadinessReport.Row boundary(LocalDate today, Collection<CoveredAsset> assets) {
        List<String> ev = new ArrayList<>();
        boolean overdue = false;
        boolean open = false;
        for (CoveredAsset a : assets) {
            if (!a.boundary()) continue;
            for (CoveredAsset.Urgent u : a.urgent()) {
                if (!"act".equals(u.outcome())) continue;
                open = true;
                boolean late = u.due() != null && u.due().isBefore(today);
                overdue |= late;
                ev.add(a.label() + " " + u.vulnId() + " 直ちに対応(Act) 期限 " + (u.due() == null ? "-" : u.due()) + (late ? "（期限超過）" : ""));
            }
        }
        if (ev.isEmpty()) ev.add("境界装置に未対応の Act 検出はありません / no open Act findings on boundary devices");
        return new ReadinessReport.Row("boundary-patches", "境界装置の緊急脆弱性への対応", "Urgent vulnerabilities of boundary devices",
                "CVSS と悪用状況で影響度・緊急度を判断し、インターネット境界の装置から優先して対応する",
                overdue ? Status.RED : open ? Status.AMBER : Status.GREEN, ev);
    }

    static ReadinessReport.Row contracts(Collection<CoveredAsset> assets, List<ContractView> contracts, List<Flag> flags) {
        List<String> ev = new ArrayList<>();
        Status s = Status.GREEN;
        List<ContractView> relevant = contracts.stream().filter(v -> v.contract().status() != ContractStatus.DRAFT
                && v.contract().status() != ContractStatus.TERMINATED).toList();
        if (relevant.isEmpty()) {
            ev.add("登録された契約がありません / no contracts recorded");
            s = Status.RED;
        }
        for (ContractView v : relevant) {
            if (v.flags().isEmpty()) {
                ev.add("契約 " + v.contract().code() + "（" + v.contract().vendorName() + "）: 指摘なし / no flags");
                continue;
            }
            for (Flag f : v.flags()) {
                boolean critical = PROCESS_FLAGS.contains(f.flag()) && v.covered().stream()
                        .anyMatch(a -> f.assets().contains(a.code()) && (a.boundary() || !a.urgent().isEmpty()));
                s = critical ? Status.RED : s == Status.RED ? s : Status.AMBER;
                ev.add("[" + f.flag().ja() + "] " + f.ja());
            }
        }
        return new ReadinessReport.Row("contracts", "保守契約に脆弱性対応の全工程を含める", "Contracts cover the whole patch process",
                "把握・判断・適用までの全工程を、ネットワーク機器も含めて、回数の上限なく契約に含める", s, ev);
    }

    static ReadinessReport.Row uncontracted(Collection<CoveredAsset> assets, List<Flag> flags) {
        List<String> ev = new ArrayList<>();
        Status s = Status.GREEN;
        for (Flag f : flags) {
            if (f.flag() != RiskFlag.UNCONTRACTED_ASSET) continue;
            boolean boundary = assets.stream().anyMatch(a -> f.assets().contains(a.code()) && a.boundary());
            s = boundary ? Status.RED : s == Status.RED ? s : Status.AMBER;
            ev.add(f.ja());
        }
        if (ev.isEmpty()) ev.add("すべての資産が有効な契約の対象です / every asset is covered by a contract in force");
        return new ReadinessReport.Row("uncontracted-assets", "契約なし資産", "Assets without a contract",
                "すべての資産について保守の責任者を契約で定める", s, ev);
    }

    /**
     * SBOM coverage against tier: every system whose tier is standard or full needs a current SBOM
     * for each of its assets. A system holding none of them is red, one holding some amber; each
     * asset without one is named. Systems of tier minimal are listed but ask for nothing.
     */
    static ReadinessReport.Row sbom(Collection<CoveredAsset> assets) {
        List<String> ev = new ArrayList<>();
        Map<String, List<CoveredAsset>> bySystem = new java.util.TreeMap<>();
        for (CoveredAsset a : assets) bySystem.computeIfAbsent(a.systemCode(), k -> new ArrayList<>()).add(a);
        Status s = Status.GREEN;
        int need = 0;
        int have = 0;
        int minimal = 0;
        for (Map.Entry<String, List<CoveredAsset>> e : bySystem.entrySet()) {
            Tier tier = e.getValue().get(0).tier();
            if (tier != Tier.STANDARD && tier != Tier.FULL) {
                minimal++;
                continue;
            }
            List<CoveredAsset> missing = e.getValue().stream().filter(a -> !a.hasCurrentSbom()).toList();
            need += e.getValue().size();
            have += e.getValue().size() - missing.size();
            if (missing.isEmpty()) continue;
            Status one = missing.size() == e.getValue().size() ? Status.RED : Status.AMBER;
            s = worse(s, one);
            ev.add("システム " + e.getKey() + "（求める範囲 " + tier.ja() + "）: 現行 SBOM なし " + missing.size() + " / " + e.getValue().size() + " 資産 — "
                    + String.join("、", missing.stream().map(CoveredAsset::label).toList())
                    + " / system " + e.getKey() + " (tier " + tier.key() + "): no current SBOM for " + String.join(", ", missing.stream().map(CoveredAsset::code).toList()));
        }
        ev.add(0, "標準・詳細の範囲を求めるシステムの資産のうち SBOM 入手済み " + have + " / " + need + " / current SBOMs for " + have + " of " + need
                + " assets of systems of tier standard or full" + (minimal == 0 ? "" : "（最小の範囲のシステム " + minimal + " 件は対象外 / " + minimal + " minimal-tier systems ask for none）"));
        return new ReadinessReport.Row("sbom", "リスクに応じた SBOM の入手", "SBOMs scoped by the system's risk",
                "システムのリスクに応じた範囲の SBOM を事業者から入手する", s, ev);
    }

    static ReadinessReport.Row irPartner(LocalDate today, List<Vendor> ir) {
        List<String> ev = new ArrayList<>();
        boolean valid = false;
        for (Vendor v : ir) {
            boolean ok = v.registrationNumber() != null && (v.registrationValidUntil() == null || !v.registrationValidUntil().isBefore(today));
            valid |= ok;
            ev.add(v.name() + (v.serviceCategory() == null ? "" : "（" + v.serviceCategory().ja() + "）") + ": "
                    + (v.registrationNumber() == null ? "サービスリスト登録なし" : "登録番号 " + v.registrationNumber()
                    + (v.registrationValidUntil() == null ? "" : "、有効期限 " + v.registrationValidUntil()) + (ok ? "" : "（期限切れ）"))
                    + (v.hotline() == null ? "、24時間窓口なし" : "、24時間窓口 " + v.hotline()));
        }
        if (ir.isEmpty()) ev.add("インシデント対応事業者が登録されていません / no IR partner recorded");
        return new ReadinessReport.Row("ir-partner", "インシデント対応事業者の確保", "An incident-response partner",
                "情報セキュリティサービス基準適合サービスリスト（デジタルフォレンジック）を参考に対応可能な事業者を把握しておく",
                ir.isEmpty() ? Status.RED : valid ? Status.GREEN : Status.AMBER, ev);
    }

    static ReadinessReport.Row nda(LocalDate today, List<Vendor> ir) {
        List<String> ev = new ArrayList<>();
        Status s = ir.isEmpty() ? Status.RED : Status.GREEN;
        for (Vendor v : ir) {
            Status one;
            if (v.ndaSigned() == null || (v.ndaExpires() != null && v.ndaExpires().isBefore(today))) one = Status.RED;
            else if (v.ndaExpires() != null && !v.ndaExpires().isAfter(today.plusDays(NDA_WARNING_DAYS))) one = Status.AMBER;
            else one = Status.GREEN;
            s = worse(s, one);
            ev.add(v.name() + ": " + v.ndaState(today) + (v.ndaSha256() == null ? "" : "（文書 SHA-256 " + v.ndaSha256().substring(0, 12) + "…）"));
        }
        if (ir.isEmpty()) ev.add("NDA を結ぶ相手がいません / no IR partner to sign an NDA with");
        return new ReadinessReport.Row("nda", "秘密保持契約（NDA）の事前締結", "NDA signed in advance",
                "インシデント対応事業者と事前に秘密保持契約を締結しておく", s, ev);
    }

    static ReadinessReport.Row share(LocalDate today, List<Vendor> ir, Map<Long, ConfigShare> last, String boundarySha256) {
        List<String> ev = new ArrayList<>();
        Status s = ir.isEmpty() ? Status.RED : Status.GREEN;
        for (Vendor v : ir) {
            ConfigShare c = last.get(v.id());
            if (c == null) {
                s = Status.RED;
                ev.add(v.name() + ": 構成情報を共有していません / configuration never shared");
                continue;
            }
            long days = java.time.temporal.ChronoUnit.DAYS.between(c.sharedOn(), today);
            boolean changed = c.boundaryChanged(boundarySha256);
            if (c.overdue(today) || changed) s = worse(s, Status.AMBER);
            ev.add(v.name() + ": 最終共有 " + c.sharedOn() + "（" + days + " 日前、次回期限 " + (changed ? ConfigShare.DUE_NOW_BOUNDARY_CHANGED : c.nextDue())
                    + (c.overdue(today) ? "・期限超過" : "") + "）受領者 " + c.recipient() + "、SHA-256 " + c.sha256().substring(0, 12) + "…"
                    + (changed ? " / due now: a boundary device changed since the share" : ""));
        }
        if (ir.isEmpty()) ev.add("共有先がいません / no IR partner to share with");
        return new ReadinessReport.Row("config-share", "システム構成情報の定期共有", "Configuration shared regularly",
                "インシデント対応事業者とシステム構成情報を定期的に共有しておく（" + ShareStore.SHARE_INTERVAL_DAYS + " 日ごと、境界装置の変更時）", s, ev);
    }

    static ReadinessReport.Row roles(RoleMatrix m) {
        List<String> ev = new ArrayList<>();
        List<Phase> gaps = m.gaps();
        for (Phase p : gaps) ev.add("「" + p.ja() + "」の実施責任者（R）がいません / no one is responsible for " + p.en());
        if (gaps.isEmpty()) ev.add("すべての局面に実施責任者がいます / every phase has a responsible party");
        return new ReadinessReport.Row("roles", "インシデント時の役割分担（体制表）", "Incident roles agreed",
                "インシデント時の役割を開発ベンダ等と事前に合意しておく", gaps.isEmpty() ? Status.GREEN : Status.RED, ev);
    }

    /**
     * The role matrix per information system: every system with an internet-boundary device, and
     * every system with cells of its own, is checked on the matrix that holds for it. A phase with
     * no Responsible party, or a role of a vendor party naming no vendor, is a gap — red on a system
     * with a boundary device, amber elsewhere.
     */
    static ReadinessReport.Row systemRoles(List<SystemRoles> systems) {
        List<String> ev = new ArrayList<>();
        Status s = Status.GREEN;
        for (SystemRoles sys : systems) {
            if (!sys.boundary() && !sys.differs()) continue;
            List<SystemRoles.Gap> gaps = sys.gaps();
            String head = "システム " + sys.label() + (sys.boundary() ? "［境界装置あり］" : "") + ": ";
            if (gaps.isEmpty()) {
                ev.add(head + "空白なし（" + (sys.differs() ? "個別の設定 " + sys.cells().size() + " 件" : "団体の体制表のとおり") + "） / system "
                        + sys.systemCode() + ": no gaps");
                continue;
            }
            s = worse(s, sys.boundary() ? Status.RED : Status.AMBER);
            for (SystemRoles.Gap g : gaps) ev.add(head + g.ja() + " / system " + sys.systemCode() + ": " + g.en());
        }
        if (ev.isEmpty()) ev.add("境界装置のあるシステム・個別の体制を持つシステムはありません / no system with a boundary device or roles of its own");
        return new ReadinessReport.Row("system-roles", "情報システムごとの役割分担", "Incident roles per system",
                "境界装置を持つシステムごとに、各局面の実施責任者と担当事業者を決めておく", s, ev);
    }

    static ReadinessReport.Row drill(LocalDate today, RoleMatrix m, List<SystemRoles> systems) {
        RoleMatrix.Drill d = m.lastDrill();
        List<String> ev = new ArrayList<>();
        Status s;
        if (d == null) {
            s = Status.AMBER;
            ev.add("訓練の記録がありません / no drill recorded");
        } else {
            boolean stale = d.heldOn().isBefore(today.minusDays(DRILL_INTERVAL_DAYS));
            s = stale ? Status.AMBER : Status.GREEN;
            ev.add("最終訓練 " + d.heldOn() + "「" + d.title() + "」" + (d.findings() == null ? "" : " 所見: " + d.findings()) + (stale ? "（1年以上前）" : ""));
        }
        // a system with roles of its own is exercised by its own drills
        for (SystemRoles sys : systems) {
            if (!sys.differs()) continue;
            RoleMatrix.Drill own = sys.lastDrill();
            boolean overdue = sys.drillOverdue(today);
            if (overdue) s = worse(s, Status.AMBER);
            if (own == null) {
                ev.add("システム " + sys.label() + ": 個別の体制の訓練記録がありません（訓練期限切れ） / system " + sys.systemCode() + ": no drill of its own roles (overdue)");
            } else {
                long days = java.time.temporal.ChronoUnit.DAYS.between(own.heldOn(), today);
                ev.add("システム " + sys.label() + ": 最終訓練 " + own.heldOn() + "「" + own.title() + "」（" + days + " 日前"
                        + (overdue ? "・訓練期限切れ" : "") + "）" + (own.findings() == null ? "" : " 所見: " + own.findings())
                        + (overdue ? " / system " + sys.systemCode() + ": last drill " + days + " days ago (overdue)" : ""));
            }
        }
        return new ReadinessReport.Row("drill", "訓練の実施", "Drills held", "体制表に沿った訓練を定期的に（" + DRILL_INTERVAL_DAYS + " 日以内に）実施する", s, ev);
    }

    static Status worse(Status a, Status b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
