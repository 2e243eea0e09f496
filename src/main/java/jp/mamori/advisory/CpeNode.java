package jp.mamori.advisory;

import java.util.List;

/** NVD configuration node: OR/AND over cpeMatch entries, optionally negated. */
public record CpeNode(String operator, boolean negate, List<CpeMatch> cpeMatch) {
    public CpeNode {
        operator = operator == null ? "OR" : operator;
        cpeMatch = cpeMatch == null ? List.of() : List.copyOf(cpeMatch);
    }
}
