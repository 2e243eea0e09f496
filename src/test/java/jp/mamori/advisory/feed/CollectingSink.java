package jp.mamori.advisory.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.EpssScore;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.KevEntry;

/** Test sink that keeps everything a parser emits. */
public final class CollectingSink implements FeedSink {
    public final List<Advisory> advisories = new ArrayList<>();
    public final List<KevEntry> kev = new ArrayList<>();
    public final List<EpssScore> epss = new ArrayList<>();
    public final Map<String, String> meta = new LinkedHashMap<>();

    @Override
    public void advisory(Advisory advisory) { advisories.add(advisory); }

    @Override
    public void kev(KevEntry entry) { kev.add(entry); }

    @Override
    public void epss(EpssScore score) { epss.add(score); }

    @Override
    public void meta(String key, String value) { meta.put(key, value); }

    public Advisory advisory(String vulnId) {
        return advisories.stream().filter(a -> a.vulnId().equals(vulnId)).findFirst()
                .orElseThrow(() -> new AssertionError("no advisory " + vulnId + " among " + advisories.size()));
    }

    /** A test resource under src/test/resources, e.g. {@code /feeds/nvd/api-response-3.json}. */
    public static InputStream resource(String path) {
        InputStream in = CollectingSink.class.getResourceAsStream(path);
        return Objects.requireNonNull(in, "missing test resource " + path);
    }

    public static byte[] resourceBytes(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
