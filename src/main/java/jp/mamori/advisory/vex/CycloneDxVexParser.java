package jp.mamori.advisory.vex;

import jp.mamori.advisory.support.XmlOrJson;
import java.io.IOException;
import java.io.InputStream;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;

/**
 * CycloneDX VEX (and any CycloneDX BOM with analysed {@code vulnerabilities}), JSON or XML:
 * one VexStatement per vulnerability with an {@code analysis.state} and per
 * {@code affects[].ref}. A local bom-ref is named by the purl (else CPE) of the component the
 * BOM lists for it; BOM-Links and purls are kept as written. Vulnerabilities without an analysis
 * are findings, not VEX, and yield nothing. Mapping: {@link CdxVexMapper}.
 */
public final class CycloneDxVexParser implements FeedParser {
    @Override
    public Source source() {
        return Source.CYCLONEDX_VEX;
    }

    @Override
    public void parse(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
        CdxVexEmitter out = new CdxVexEmitter(name, sink);
        XmlOrJson.parse(in, name, "CycloneDX", x -> new CdxXmlReader(x, out).read(), js -> new CdxJsonReader(js, name, out).read());
    }
}
