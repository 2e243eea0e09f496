package jp.mamori.advisory.epss;

import java.io.IOException;
import java.io.InputStream;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.feed.FeedLimits;
import jp.mamori.advisory.feed.JsonOrCsv;

/**
 * FIRST EPSS scores: the daily CSV ({@code epss_scores-YYYY-MM-DD.csv[.gz]}; gzip is undone by
 * {@link jp.mamori.advisory.feed.FeedInputs}) or EPSS API JSON. {@code model_version} and
 * {@code score_date} are sent as meta and stamped on every {@link jp.mamori.advisory.EpssScore}.
 * A bad row fails the document with its line number.
 */
public final class EpssParser implements FeedParser {
    private final EpssCsvReader csv = new EpssCsvReader();
    private final EpssJsonReader json;

    public EpssParser() { this(FeedLimits.DEFAULT); }

    public EpssParser(FeedLimits limits) { this.json = new EpssJsonReader(limits); }

    @Override
    public Source source() { return Source.EPSS; }

    @Override
    public void parse(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
        JsonOrCsv.parse(in, name, sink, json::read, csv::read);
    }
}
