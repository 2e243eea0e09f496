package jp.mamori.advisory.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * Caps the number of tokens read while one record is materialised as a tree. Jackson bounds
 * depth and string length but not the size of a tree, and a feed record is the one thing held in
 * memory whole: without this a single hostile 1 GB "record" would exhaust the heap.
 */
final class TokenBudgetParser extends JsonParserDelegate {
    private final long budget;
    private long used;

    TokenBudgetParser(JsonParser delegate, long budget) {
        super(delegate);
        this.budget = budget;
    }

    void reset() { used = 0; }

    long used() { return used; }

    @Override
    public JsonToken nextToken() throws IOException {
        if (++used > budget) {
            throw new StreamConstraintsException("record has more than " + budget
                    + " JSON tokens (FeedLimits.maxRecordTokens)", delegate.currentLocation());
        }
        return delegate.nextToken();
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken t = nextToken();
        return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }
}
