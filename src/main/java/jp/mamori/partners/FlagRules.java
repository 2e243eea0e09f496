package jp.mamori.partners;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.scope.Tier;

/**
 * Derives a contract's risk flags from its checklist answers and what it covers (a pure function,
 * table-tested). An item that is required but unanswered counts as absent: what nobody has checked
 * in the contract cannot be relied on at incident time.
 */
public final class FlagRules {

    /** Days before the end of a contract from which it is 期限切れ間近. */
    public static final int EXPIRING_DAYS = 90;

    /** 「年4回まで」「年間4回を上限」「4回/年」, "up to 4 patches a year", "at most four times". */
    static final Pattern CAP = Pattern.compile(
            "(年(間)?\\s*[0-9０-９一二三四五六七八九十]+\\s*回\\s*(まで|以内|を上限|を限度))|([0-9０-９]+\\s*回\\s*/\\s*年)|(上限\\s*[0-9０-９一二三四五六七八九十]+\\s*回)"
                    + "|((up to|at most|no more than|maximum of)\\s+(\\d+|one|two|three|four|five|six|twelve)\\s+(patch(es)?|times|updates))",
            Pattern.CASE_INSENSITIVE);

    private FlagRules() { }

    /** Whether an item of the catalogue is required for a contract covering these assets. */
    public static boolean required(ClauseItem item, Collection<CoveredAsset> covered) {
        if (item.appliesIf() == null) return true;
        return switch (item.appliesIf()) {
            case COVERS_OPEN_ASSET -> covered.stream().anyMatch(a -> a.exposure() == Exposure.OPEN);
            case COVERS_TIER_STANDARD_OR_FULL -> covered.stream().anyMatch(a -> a.tier() == Tier.STANDARD || a.tier() == Tier.FULL);
            case COVERS_NETWORK_DEVICE -> covered.stream().anyMatch(CoveredAsset::networkDevice);
        };
    }

    /** The cap stated in a clause text, e.g. 「年4回まで」, or null. */
    public static String capIn(String text) {
        if (text == null) return null;
        Matcher m = CAP.matcher(text);
        return m.find() ? m.group() : null;
    }

    public static List<Flag> derive(Contract k, List<CoveredAsset> covered, Map<String, ClauseAnswer> answers, ClauseCatalogue catalogue,
                                    LocalDate today) {
        List<Flag> out = new ArrayList<>();
        List<String> all = covered.stream().map(CoveredAsset::code).toList();
        String name = "契約「" + k.title() + "」（" + k.code() + "、" + k.vendorName() + "）";
        String nameEn = "contract " + k.code() + " (" + k.vendorName() + ")";

        // 上限あり: the recorded cap, a clause text stating one, or the no-cap item absent.
        List<String> capEvidence = new ArrayList<>();
        String capItem = null;
        if (k.patchCapPerYear() != null) capEvidence.add("パッチ適用は年" + k.patchCapPerYear() + "回まで / at most " + k.patchCapPerYear() + " patches a year");
        for (ClauseAnswer a : answers.values()) {
            String cap = capIn(a.clauseText());
            if (cap != null) {
                capEvidence.add("「" + cap + "」" + (a.article() == null ? "" : "（" + a.article() + "）"));
                capItem = capItem == null ? a.itemKey() : capItem;
            }
        }
        ClauseAnswer noCap = answers.get("no-patch-cap");
        if (catalogue.item("no-patch-cap").isPresent() && noCap != null && (noCap.answer() == Answer.ABSENT || noCap.answer() == Answer.PARTIAL)) {
            capEvidence.add("チェックリスト「" + catalogue.item("no-patch-cap").get().titleJa() + "」: " + noCap.answer().ja()
                    + (noCap.article() == null ? "" : "（" + noCap.article() + "）"));
            capItem = "no-patch-cap";
        }
        if (!capEvidence.isEmpty()) {
            out.add(new Flag(RiskFlag.PATCH_CAP, k.code(), k.vendorName(), capItem == null ? "no-patch-cap" : capItem, all,
                    name + "はパッチ適用の回数に上限があります: " + String.join("、", capEvidence) + "。対象: " + labels(covered),
                    nameEn + " caps the number of patches: " + String.join("; ", capEvidence) + ". Assets: " + String.join(", ", all)));
        }

        // 対象外機器: network or boundary devices among the covered assets, outside the contract's scope.
        List<CoveredAsset> devices = covered.stream().filter(CoveredAsset::networkDevice).toList();
        ClauseAnswer net = answers.get("network-devices");
        boolean netAbsent = net == null ? !k.coversNetworkDevices() : net.answer() == Answer.ABSENT || net.answer() == Answer.PARTIAL;
        if (!devices.isEmpty() && (!k.coversNetworkDevices() || netAbsent)) {
            String why = !k.coversNetworkDevices() ? "契約の範囲はソフトウェアのみ / scope is software only"
                    : "チェックリスト「ネットワーク機器・境界装置を対象に含む」: " + net.answer().ja();
            out.add(new Flag(RiskFlag.DEVICES_OUT_OF_SCOPE, k.code(), k.vendorName(), "network-devices", devices.stream().map(CoveredAsset::code).toList(),
                    name + "はネットワーク機器・境界装置を対象にしていません（" + why + "）。対象外: " + labels(devices),
                    nameEn + " does not cover network or boundary devices (" + why + "): "
                            + String.join(", ", devices.stream().map(CoveredAsset::code).toList())));
        }

        // Items that are required but absent / partial / unanswered.
        for (ClauseItem item : catalogue.items()) {
            if (item.flag() == null || item.flag() == RiskFlag.PATCH_CAP || item.flag() == RiskFlag.DEVICES_OUT_OF_SCOPE) continue;
            if (!required(item, covered)) continue;
            ClauseAnswer a = answers.get(item.key());
            if (a != null && (a.answer() == Answer.PRESENT || a.answer() == Answer.NOT_APPLICABLE)) continue;
            if (out.stream().anyMatch(f -> f.flag() == item.flag())) continue;  // one flag of a kind per contract
            String state = a == null || a.answer() == null ? "未確認 / not checked" : a.answer().ja() + " / " + a.answer().en();
            String cond = item.appliesIf() == null ? "" : "（" + item.appliesIf().ja() + "は必須）";
            out.add(new Flag(item.flag(), k.code(), k.vendorName(), item.key(), all,
                    name + "に「" + item.titleJa() + "」の条項がありません（" + state + "）" + cond + "。対象: " + labels(covered),
                    nameEn + " lacks \"" + item.titleEn() + "\" (" + state + "). Assets: " + String.join(", ", all)));
        }

        // 期限切れ / 期限切れ間近
        if (k.status() == ContractStatus.EXPIRED || (k.endsOn() != null && k.endsOn().isBefore(today) && k.status() == ContractStatus.ACTIVE)) {
            out.add(new Flag(RiskFlag.EXPIRED, k.code(), k.vendorName(), null, all,
                    name + "は期限切れです（終了日 " + k.endsOn() + "）。対象: " + labels(covered),
                    nameEn + " has expired (ended " + k.endsOn() + ")."));
        } else if (k.status() == ContractStatus.ACTIVE && k.endsOn() != null && !k.endsOn().isAfter(today.plusDays(EXPIRING_DAYS))) {
            out.add(new Flag(RiskFlag.EXPIRING, k.code(), k.vendorName(), null, all,
                    name + "は " + k.endsOn() + " に終了します" + (k.renewalOn() == null ? "（更新日未設定）" : "（更新日 " + k.renewalOn() + "）") + "。",
                    nameEn + " ends on " + k.endsOn() + (k.renewalOn() == null ? " (no renewal date)" : " (renewal " + k.renewalOn() + ")") + "."));
        }
        return out;
    }

    /** 契約なし資産: assets that no contract in force covers. */
    public static List<Flag> uncontracted(Collection<CoveredAsset> assets, Set<Long> coveredInForce) {
        List<Flag> out = new ArrayList<>();
        for (CoveredAsset a : assets) {
            if (coveredInForce.contains(a.id())) continue;
            out.add(new Flag(RiskFlag.UNCONTRACTED_ASSET, null, a.maintainer(), null, List.of(a.code()),
                    a.label() + "を保守する有効な契約がありません" + (a.maintainer() == null ? "" : "（保守事業者 " + a.maintainer() + "）") + "。",
                    a.code() + " is maintained by nobody under an active contract" + (a.maintainer() == null ? "" : " (maintainer " + a.maintainer() + ")") + "."));
        }
        return out;
    }

    private static String labels(Collection<CoveredAsset> assets) {
        return assets.isEmpty() ? "なし" : String.join("、", assets.stream().map(CoveredAsset::label).toList());
    }
}
