package jp.mamori.inventory.ledger;

import java.util.List;

/** A ledger that cannot be imported; lists every problem with its place, nothing was written. */
public class LedgerFormatException extends Exception {
    private final List<String> problems;

    public LedgerFormatException(String file, List<String> problems) {
        super(file + ": " + problems.size() + " 件の問題 / problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
