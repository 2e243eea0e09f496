package jp.mamori.inventory.scope;

import java.util.List;
import java.util.Locale;

/**
 * How one criterion came out.
 *
 * @param satisfied       components that meet it
 * @param total           components it applies to (all, or the top-level ones)
 * @param missingExamples up to {@link SbomScopeCheck#EXAMPLES} names of components that do not meet it
 */
public record CriterionResult(Criterion criterion, boolean met, int satisfied, int total, List<String> missingExamples) {
    public CriterionResult {
        missingExamples = List.copyOf(missingExamples);
    }

    public Tier tier() {
        return criterion.tier();
    }

    /** "1,234 of 1,300 components have a purl or CPE" */
    public String summaryEn() {
        String what = criterion.topLevelOnly() ? "top-level components" : "components";
        return String.format(Locale.US, "%,d of %,d %s %s", satisfied, total, what, criterion.predicateEn());
    }

    /** "1,300 件中 1,234 件のコンポーネントに purl または CPE があります" */
    public String summaryJa() {
        String what = criterion.topLevelOnly() ? "直接の構成コンポーネント" : "コンポーネント";
        String predicate = criterion.predicateJa();
        String gap = predicate.charAt(0) < 0x80 ? " " : "";  // "コンポーネントに purl": a space before Latin words
        return String.format(Locale.US, "%,d 件中 %,d 件の%sに%s%s", total, satisfied, what, gap, predicate);
    }
}
