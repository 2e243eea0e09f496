package jp.mamori.partners;

import java.util.List;
import java.util.Map;

/** A contract with what it covers, its checklist (required items marked) and its derived flags. */
public record ContractView(Contract contract, List<CoveredAsset> covered, List<Item> checklist, List<Flag> flags) {

    /** One checklist line: the catalogue item, whether it is required for this contract, and the answer. */
    public record Item(ClauseItem item, boolean required, ClauseAnswer answer) { }

    static ContractView of(Contract k, List<CoveredAsset> covered, Map<String, ClauseAnswer> answers, ClauseCatalogue catalogue, List<Flag> flags) {
        List<Item> items = catalogue.items().stream().map(i -> new Item(i, FlagRules.required(i, covered), answers.get(i.key()))).toList();
        return new ContractView(k, covered, items, flags);
    }

    public long pending() {
        return checklist.stream().filter(i -> i.answer() != null && i.answer().pending()).count();
    }
}
