package jp.mamori.advisory.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.HashMap;

/**
 * Reads the value at the parser's current token as a {@link JsonNode} tree, counting the values
 * against a budget. It does what {@code readValueAsTree} does, without the databind machinery
 * around it (a deserialization context per call, deserializer lookup, a delegating parser to
 * count tokens): at NVD scale the tree is built 300,000 times and that overhead is most of the
 * cost of a record. Recursion is bounded by the parser's nesting-depth constraint.
 */
final class TreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final long budget;
    private long used;

    TreeReader(long budget) {
        this.budget = budget;
    }

    /** Tokens (values and field names) read since the last {@link #reset()}. */
    long used() { return used; }

    void reset() { used = 0; }

    /** Reads the value starting at the current token; the parser is left on its last token. */
    JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        count(p);
        switch (t) {
            case START_OBJECT -> {
                // mappers look fields up by name and never rely on their order: a plain HashMap
                // is cheaper than the LinkedHashMap Jackson uses by default
                ObjectNode o = new ObjectNode(NODES, new HashMap<>());
                String name;
                while ((name = p.nextFieldName()) != null) {
                    count(p);
                    p.nextToken();
                    o.set(name, read(p));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = new ArrayNode(NODES);
                while (p.nextToken() != JsonToken.END_ARRAY) a.add(read(p));
                return a;
            }
            case VALUE_STRING -> { return TextNode.valueOf(p.getText()); }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> { return NODES.numberNode(p.getDoubleValue()); }
            case VALUE_TRUE -> { return BooleanNode.TRUE; }
            case VALUE_FALSE -> { return BooleanNode.FALSE; }
            case VALUE_NULL -> { return NullNode.getInstance(); }
            default -> throw new IOException("unexpected JSON token " + t);
        }
    }

    private void count(JsonParser p) throws StreamConstraintsException {
        if (++used > budget) {
            throw new StreamConstraintsException("record has more than " + budget
                    + " JSON tokens (FeedLimits.maxRecordTokens)", p.currentLocation());
        }
    }
}
