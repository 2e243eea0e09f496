package jp.mamori.inventory.scope;

import java.util.Set;
import java.util.function.BiPredicate;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.Text;

/** One thing {@link SbomScopeCheck} looks for, with the tier that asks for it and how to say it. */
public enum Criterion {
    TOP_LEVEL_NAME(Tier.MINIMAL, true, (c, g) -> Text.clean(c.name()) != null, "have a name", "名前があります"),
    TOP_LEVEL_VERSION(Tier.MINIMAL, true, (c, g) -> Text.clean(c.version()) != null, "have a version", "バージョンがあります"),
    TOP_LEVEL_SUPPLIER(Tier.MINIMAL, true, (c, g) -> Text.clean(c.supplier()) != null, "have a supplier",
            "サプライヤがあります"),
    VERSION(Tier.STANDARD, false, (c, g) -> Text.clean(c.version()) != null, "have a version", "バージョンがあります"),
    IDENTIFIER(Tier.STANDARD, false, (c, g) -> !c.hasNoIdentifier(), "have a purl or CPE", "purl または CPE があります"),
    HASHES(Tier.FULL, false, (c, g) -> !c.hashes().isEmpty(), "have a hash", "ハッシュ値があります"),
    LICENSES(Tier.FULL, false, (c, g) -> !c.licenses().isEmpty(), "have a licence", "ライセンスがあります"),
    /** In the dependency graph: depends on something or is depended on (a leaf is reached from its parent). */
    DEPENDENCIES(Tier.FULL, false, (c, g) -> g.contains(c.ref()), "have dependency relations", "依存関係があります");

    private final Tier tier;
    private final boolean topLevelOnly;
    private final BiPredicate<Component, Set<String>> test;
    private final String en;
    private final String ja;

    Criterion(Tier tier, boolean topLevelOnly, BiPredicate<Component, Set<String>> test, String en, String ja) {
        this.tier = tier;
        this.topLevelOnly = topLevelOnly;
        this.test = test;
        this.en = en;
        this.ja = ja;
    }

    public Tier tier() {
        return tier;
    }

    /** Whether only top-level components are counted. */
    public boolean topLevelOnly() {
        return topLevelOnly;
    }

    /** @param inGraph refs that take part in at least one dependency relation */
    boolean test(Component c, Set<String> inGraph) {
        return test.test(c, inGraph);
    }

    /** "have a purl or CPE" */
    public String predicateEn() {
        return en;
    }

    /** "purl または CPE があります" */
    public String predicateJa() {
        return ja;
    }
}
