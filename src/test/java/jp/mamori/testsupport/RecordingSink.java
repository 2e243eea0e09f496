package jp.mamori.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.EpssScore;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.KevEntry;
import jp.mamori.advisory.VexStatement;

/** A FeedSink that keeps everything a parser emits, in order, for assertions. */
public class RecordingSink implements FeedSink {
    public final List<Advisory> advisories = new ArrayList<>();
    public final List<VexStatement> vex = new ArrayList<>();
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
    public void vex(VexStatement statement) { vex.add(statement); }

    @Override
    public void meta(String key, String value) { meta.put(key, value); }

    public int records() {
        return advisories.size() + vex.size() + kev.size() + epss.size();
    }

    public Advisory advisory(String vulnId) {
        return advisories.stream().filter(a -> a.vulnId().equals(vulnId)).findFirst()
                .orElseThrow(() -> new AssertionError("no advisory " + vulnId + " in " + advisories.stream().map(Advisory::vulnId).toList()));
    }
}
