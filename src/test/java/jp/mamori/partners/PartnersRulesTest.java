package jp.mamori.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.scope.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure rules of the partners capability: 法人番号, the clause catalogue, flag derivation (each flag, each condition). */
class PartnersRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    static final ClauseCatalogue CATALOGUE = ClauseCatalogue.shipped();

    // --- 法人番号 ---------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"7000012050002, true", "7-0000-1205-0002, true", "７００００１２０５０００２, true", "3010401099999, true",
            "6000012050002, false", "700001205000, false", "70000120500021, false", "A000012050002, false"})
    void corporateNumbersAreCheckedByTheirCheckDigit(String number, boolean valid) {
        assertThat(CorporateNumber.isValid(number)).isEqualTo(valid);
    }

    @Test
    void aWrongCheckDigitSaysWhatWasExpected() {
        assertThatThrownBy(() -> CorporateNumber.normalise("6000012050002")).hasMessageContaining("チェックデジット").hasMessageContaining("expected 7");
    }

    // --- catalogue ---------------------------------------------------------------------------

    @Test
    void theShippedCatalogueLoadsAndEveryItemCitesItsSource() {
        assertThat(CATALOGUE.items()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(CATALOGUE.items()).allSatisfy(i -> {
            assertThat(i.source()).isNotBlank();
            assertThat(i.titleJa()).isNotBlank();
            assertThat(i.titleEn()).isNotBlank();
            assertThat(i.textJa()).isNotBlank();
            assertThat(i.textEn()).isNotBlank();
        });
        assertThat(CATALOGUE.items()).extracting(ClauseItem::key).contains("patch-process", "no-patch-cap", "network-devices", "out-of-cycle",
                "vendor-mitigation", "sbom", "incident-duties", "audit-right", "subcontracting", "return-deletion");
        assertThat(CATALOGUE.item("out-of-cycle").orElseThrow().appliesIf()).isEqualTo(ClauseItem.Condition.COVERS_OPEN_ASSET);
        assertThat(CATALOGUE.item("sbom").orElseThrow().appliesIf()).isEqualTo(ClauseItem.Condition.COVERS_TIER_STANDARD_OR_FULL);
    }

    @Test
    void aCatalogueItemWithoutASourceIsRefusedWithItsPlace() {
        String yaml = "items:\n  - key: x\n    title: {ja: あ, en: a}\n    text: {ja: あ, en: a}\n  - key: x\n    title: {ja: い, en: b}\n"
                + "    text: {ja: い, en: b}\n    source: s\n    applies_if: sometimes\n";
        assertThatThrownBy(() -> ClauseCatalogue.parse(yaml.getBytes(StandardCharsets.UTF_8), "clauses.yaml"))
                .isInstanceOf(PartnersException.class)
                .satisfies(e -> assertThat(((PartnersException) e).problems()).anyMatch(p -> p.startsWith("/items/0/source"))
                        .anyMatch(p -> p.startsWith("/items/1/key") && p.contains("重複")).anyMatch(p -> p.startsWith("/items/1/applies_if")));
    }

    // --- flags -------------------------------------------------------------------------------

    static CoveredAsset gateway() {
        return new CoveredAsset(1, "vpn-gw-01", "VPNゲートウェイ", AssetKind.NETWORK_APPLIANCE, Exposure.OPEN, true, 10, "telework", Tier.FULL, "A社", true,
                List.of(new CoveredAsset.Urgent(100, "CVE-2023-4966", "act", TODAY.plusDays(3))));
    }

    static CoveredAsset server(Exposure exposure, Tier tier) {
        return new CoveredAsset(2, "ap-01", "業務サーバ", AssetKind.SERVER, exposure, false, 11, "juki", tier, "B社", true, List.of());
    }

    static Contract contract(boolean network, Integer cap, ContractStatus status, LocalDate ends) {
        return new Contract(1, 1, 1, "A社", "C-1", "保守契約", ContractKind.MAINTENANCE, status, TODAY.minusMonths(6), ends, null,
                network, cap, null, null, null, null, List.of(), List.of());
    }

    static Map<String, ClauseAnswer> answers(Object... keyAnswerText) {
        Map<String, ClauseAnswer> m = new LinkedHashMap<>();
        for (int i = 0; i < keyAnswerText.length; i += 3) {
            String key = (String) keyAnswerText[i];
            m.put(key, new ClauseAnswer(key, (Answer) keyAnswerText[i + 1], "第1条", (String) keyAnswerText[i + 2], "officer", null, null, null, null, null, null));
        }
        return m;
    }

    /** Every item present: the baseline from which each case takes one thing away. */
    static Map<String, ClauseAnswer> complete() {
        Map<String, ClauseAnswer> m = new LinkedHashMap<>();
        for (ClauseItem i : CATALOGUE.items()) m.putAll(answers(i.key(), Answer.PRESENT, null));
        return m;
    }

    static List<RiskFlag> flags(Contract k, List<CoveredAsset> covered, Map<String, ClauseAnswer> a) {
        return FlagRules.derive(k, covered, a, CATALOGUE, TODAY).stream().map(Flag::flag).toList();
    }

    @Test
    void aCompleteContractOverItsDevicesHasNoFlag() {
        assertThat(flags(contract(true, null, ContractStatus.ACTIVE, TODAY.plusYears(1)), List.of(gateway()), complete())).isEmpty();
    }

    @Test
    void aRecordedCapIsPatchCap() {
        List<Flag> f = FlagRules.derive(contract(true, 4, ContractStatus.ACTIVE, TODAY.plusYears(1)), List.of(gateway()), complete(), CATALOGUE, TODAY);
        assertThat(f).extracting(Flag::flag).containsExactly(RiskFlag.PATCH_CAP);
        assertThat(f.get(0).ja()).contains("年4回まで").contains("vpn-gw-01");
        assertThat(f.get(0).en()).contains("at most 4 patches");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "セキュリティパッチの適用は年4回までとする。|年4回まで",
            "パッチ適用は年間２回を上限とする|年間２回を上限",
            "適用は 12回/年 とする|12回/年",
            "The vendor applies up to 4 patches a year.|up to 4 patches",
            "適用回数に上限を設けない。|",
            "障害発生時は速やかに報告する。|"})
    void aCapIsFoundInTheRecordedClauseText(String text, String cap) {
        assertThat(FlagRules.capIn(text)).isEqualTo(cap);
        Map<String, ClauseAnswer> a = complete();
        a.putAll(answers("audit-right", Answer.PRESENT, text));
        assertThat(flags(contract(true, null, ContractStatus.ACTIVE, TODAY.plusYears(1)), List.of(gateway()), a).contains(RiskFlag.PATCH_CAP))
                .isEqualTo(cap != null);
    }

    @Test
    void theNoCapItemAbsentIsPatchCap() {
        Map<String, ClauseAnswer> a = complete();
        a.putAll(answers("no-patch-cap", Answer.ABSENT, null));
        assertThat(flags(contract(true, null, ContractStatus.ACTIVE, TODAY.plusYears(1)), List.of(gateway()), a)).containsExactly(RiskFlag.PATCH_CAP);
    }

    @Test
    void aSoftwareOnlyContractOverAGatewayHasItOutOfScope() {
        List<Flag> f = FlagRules.derive(contract(false, null, ContractStatus.ACTIVE, TODAY.plusYears(1)), List.of(gateway(), server(Exposure.SMALL, Tier.MINIMAL)),
                complete(), CATALOGUE, TODAY);
        assertThat(f).extracting(Flag::flag).containsExactly(RiskFlag.DEVICES_OUT_OF_SCOPE);
        assertThat(f.get(0).assets()).containsExactly("vpn-gw-01");
        assertThat(f.get(0).ja()).contains("ソフトウェアのみ");
    }

    @Test
    void aSoftwareOnlyContractOverServersOnlyIsFine() {
        Map<String, ClauseAnswer> a = complete();
        a.remove("network-devices");
        assertThat(flags(contract(false, null, ContractStatus.ACTIVE, TODAY.plusYears(1)), List.of(server(Exposure.SMALL, Tier.MINIMAL)), a)).isEmpty();
    }

    @Test
    void theNetworkItemAbsentIsOutOfScopeEvenWhenTheScopeSaysOtherwise() {
        Map<String, ClauseAnswer> a = complete();
        a.putAll(answers("network-devices", Answer.PARTIAL, null));
        assertThat(flags(contract(true, null, ContractStatus.ACTIVE, TODAY.plusYears(1)), List.of(gateway()), a)).containsExactly(RiskFlag.DEVICES_OUT_OF_SCOPE);
    }

    @ParameterizedTest
    @CsvSource({
            // item, answer (blank = unanswered), exposure, tier, expected flag (blank = none)
            "patch-process, ABSENT, SMALL, MINIMAL, NO_JUDGEMENT",
            "patch-process, PARTIAL, SMALL, MINIMAL, NO_JUDGEMENT",
            "patch-process, , SMALL, MINIMAL, NO_JUDGEMENT",
            "out-of-cycle, ABSENT, OPEN, MINIMAL, NO_JUDGEMENT",
            "out-of-cycle, ABSENT, CONTROLLED, MINIMAL, ",
            "sbom, ABSENT, SMALL, STANDARD, NO_SBOM_CLAUSE",
            "sbom, ABSENT, SMALL, FULL, NO_SBOM_CLAUSE",
            "sbom, ABSENT, SMALL, MINIMAL, ",
            "sbom, NOT_APPLICABLE, SMALL, FULL, ",
            "incident-duties, ABSENT, SMALL, MINIMAL, NO_INCIDENT_ROLE",
            "incident-duties, , SMALL, MINIMAL, NO_INCIDENT_ROLE",
            "audit-right, ABSENT, SMALL, MINIMAL, "})
    void eachItemRaisesItsFlagWhenItsConditionHolds(String item, String answer, Exposure exposure, Tier tier, String expected) {
        Map<String, ClauseAnswer> a = complete();
        if (answer == null) a.remove(item); else a.putAll(answers(item, Answer.valueOf(answer), null));
        List<RiskFlag> f = flags(contract(false, null, ContractStatus.ACTIVE, TODAY.plusYears(1)), List.of(server(exposure, tier)), a);
        if (expected == null) assertThat(f).isEmpty(); else assertThat(f).containsExactly(RiskFlag.valueOf(expected));
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE, 30, EXPIRING", "ACTIVE, 90, EXPIRING", "ACTIVE, 91, ", "ACTIVE, -1, EXPIRED", "EXPIRED, 200, EXPIRED"})
    void contractsNearOrPastTheirEndAreFlagged(ContractStatus status, int daysLeft, String expected) {
        List<RiskFlag> f = flags(contract(true, null, status, TODAY.plusDays(daysLeft)), List.of(gateway()), complete());
        if (expected == null) assertThat(f).isEmpty(); else assertThat(f).containsExactly(RiskFlag.valueOf(expected));
    }

    @Test
    void assetsNoContractInForceCoversAreFlaggedWithTheirMaintainer() {
        List<Flag> f = FlagRules.uncontracted(List.of(gateway(), server(Exposure.SMALL, Tier.MINIMAL)), java.util.Set.of(1L));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.flag()).isEqualTo(RiskFlag.UNCONTRACTED_ASSET);
            assertThat(x.assets()).containsExactly("ap-01");
            assertThat(x.ja()).contains("有効な契約がありません").contains("B社");
        });
    }

    // --- role matrix ---------------------------------------------------------------------------

    @Test
    void aPhaseWithNoResponsiblePartyIsAGap() {
        RoleMatrix m = new RoleMatrix(List.of(new RoleMatrix.Assignment(Phase.DETECT, Party.CSIRT, "ra", null),
                new RoleMatrix.Assignment(Phase.EVIDENCE, Party.IR_PARTNER, "C", null)), List.of());
        assertThat(m.gaps()).contains(Phase.EVIDENCE, Phase.CONTAIN).doesNotContain(Phase.DETECT);
        assertThat(m.cell(Phase.DETECT, Party.CSIRT)).isEqualTo("RA");
        assertThatThrownBy(() -> new RoleMatrix.Assignment(Phase.DETECT, Party.CSIRT, "RX", null)).hasMessageContaining("RACI");
        assertThatThrownBy(() -> new RoleMatrix.Assignment(Phase.DETECT, Party.CSIRT, "RR", null)).hasMessageContaining("RACI");
    }

    @ParameterizedTest
    @CsvSource({"○, PRESENT", "△, PARTIAL", "×, ABSENT", "－, NOT_APPLICABLE", "有, PRESENT", "一部, PARTIAL", "対象外, NOT_APPLICABLE", "absent, ABSENT"})
    void answersAreReadTheWayOfficersWriteThem(String text, Answer expected) {
        assertThat(Answer.parse(text)).isEqualTo(expected);
    }

    // --- readiness: SBOM coverage against tier ---------------------------------------------------

    static CoveredAsset asset(long id, String code, String system, Tier tier, boolean sbom) {
        return new CoveredAsset(id, code, "資産" + id, AssetKind.SERVER, Exposure.SMALL, false, id * 10, system, tier, "B社", sbom, List.of());
    }

    @Test
    void sbomCoverageIsJudgedAgainstEachSystemsTierAndNamesTheAssetsWithout() {
        ReadinessReport.Row amber = Readiness.sbom(List.of(asset(1, "ap-01", "juki", Tier.STANDARD, true), asset(2, "ap-02", "juki", Tier.STANDARD, false),
                asset(3, "pc-01", "office", Tier.MINIMAL, false)));
        assertThat(amber.status()).isEqualTo(Status.AMBER);
        assertThat(amber.evidence().get(0)).contains("SBOM 入手済み 1 / 2").contains("最小の範囲のシステム 1 件は対象外");
        assertThat(amber.evidence()).hasSize(2);
        assertThat(amber.evidence().get(1)).contains("システム juki（求める範囲 標準）", "1 / 2 資産", "資産2（ap-02）").doesNotContain("ap-01");

        ReadinessReport.Row red = Readiness.sbom(List.of(asset(1, "ap-01", "juki", Tier.STANDARD, true), asset(4, "web-01", "web", Tier.FULL, false)));
        assertThat(red.status()).as("a system of tier full holding no SBOM at all").isEqualTo(Status.RED);
        assertThat(red.evidence().get(1)).contains("システム web（求める範囲 詳細）", "web-01");

        assertThat(Readiness.sbom(List.of(asset(3, "pc-01", "office", Tier.MINIMAL, false), asset(1, "ap-01", "juki", Tier.FULL, true))).status())
                .as("minimal asks for none").isEqualTo(Status.GREEN);
    }
}
