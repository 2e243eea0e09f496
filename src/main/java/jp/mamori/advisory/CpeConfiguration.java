package jp.mamori.advisory;

import java.util.List;

/**
 * NVD configuration. A configuration-level operator AND means "the vulnerable node running on
 * the platform node(s)" (platform entries carry vulnerable=false).
 */
public record CpeConfiguration(String operator, boolean negate, List<CpeNode> nodes) {
    public CpeConfiguration {
        operator = operator == null ? "OR" : operator;
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
