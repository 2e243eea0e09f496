package jp.mamori.advisory.vex;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.json.JsonStream;
import jp.mamori.advisory.support.Sniff;
import jp.mamori.advisory.xml.XmlCursor;

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
        try {
            BufferedInputStream b = new BufferedInputStream(in);
            int first = Sniff.firstSignificant(b);
            CdxVexEmitter out = new CdxVexEmitter(name, sink);
            if (first == '<') {
                try (XmlCursor x = XmlCursor.open(b, name)) {
                    new CdxXmlReader(x, out).read();
                }
            } else if (first == '{') {
                try (JsonStream js = JsonStream.open(b, name)) {
                    new CdxJsonReader(js, name, out).read();
                }
            } else {
                throw new FeedFormatException(name, "line 1", first < 0 ? "empty file"
                        : "not a CycloneDX document: neither XML nor JSON");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
