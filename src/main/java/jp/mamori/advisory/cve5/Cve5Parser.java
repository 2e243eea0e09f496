package jp.mamori.advisory.cve5;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.feed.FeedLimits;
import jp.mamori.advisory.feed.JsonFeedReader;
import jp.mamori.advisory.feed.JsonRecord;

/**
 * CVE JSON 5.x records as published in CVEProject/cvelistV5: one record per document.
 *
 * <ul>
 *   <li>vulnId = documentId = {@code cveMetadata.cveId}; state REJECTED means withdrawn (the
 *       rejection reason becomes the description).</li>
 *   <li>CNA and ADP containers: descriptions, CVSS (source "cna:&lt;shortName&gt;" /
 *       "adp:&lt;shortName&gt;"), CWEs from problemTypes, affected (see {@link Cve5Affected}),
 *       references with their tags, merged by URL.</li>
 *   <li>CISA-ADP SSVC Exploitation "active" sets {@code exploited}; "poc" adds a reference to the
 *       record tagged "Exploit" and "exploit:poc" (see {@link jp.mamori.advisory.feed.Ssvc}).</li>
 * </ul>
 */
public final class Cve5Parser implements FeedParser {
    private final JsonFeedReader reader;

    public Cve5Parser() { this(FeedLimits.DEFAULT); }

    public Cve5Parser(FeedLimits limits) { this.reader = new JsonFeedReader(limits); }

    @Override
    public Source source() { return Source.CVE5; }

    @Override
    public void parse(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
        ObjectNode record = reader.read(in, name, new JsonFeedReader.Handler() {
            @Override
            public boolean streams(String field) { return false; }

            @Override
            public void record(String field, JsonRecord record) { }
        });
        String dataType = record.path("dataType").asText(null);
        if (!"CVE_RECORD".equals(dataType) && !record.has("cveMetadata")) {
            throw new FeedFormatException(name, "at /dataType",
                    "not a CVE JSON 5 record (dataType is " + (dataType == null ? "missing" : "'" + dataType + "'") + ")");
        }
        sink.advisory(Cve5RecordMapper.map(new JsonRecord(record, name, "", null)));
    }
}
