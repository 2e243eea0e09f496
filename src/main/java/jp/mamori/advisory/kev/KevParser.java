package jp.mamori.advisory.kev;

import java.io.IOException;
import java.io.InputStream;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.feed.FeedLimits;
import jp.mamori.advisory.feed.JsonOrCsv;

/**
 * CISA Known Exploited Vulnerabilities catalogue, JSON or CSV (told apart by the first character).
 * One {@link jp.mamori.advisory.KevEntry} per entry; from the JSON, {@code title},
 * {@code catalogVersion}, {@code dateReleased} and {@code count} are sent as meta. Unknown newer
 * fields are ignored.
 */
public final class KevParser implements FeedParser {
    private final KevJsonReader json;
    private final KevCsvReader csv = new KevCsvReader();

    public KevParser() { this(FeedLimits.DEFAULT); }

    public KevParser(FeedLimits limits) { this.json = new KevJsonReader(limits); }

    @Override
    public Source source() { return Source.KEV; }

    @Override
    public void parse(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
        JsonOrCsv.parse(in, name, sink, json::read, csv::read);
    }
}
