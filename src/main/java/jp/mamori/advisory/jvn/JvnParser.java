package jp.mamori.advisory.jvn;

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
 * JVN iPedia via MyJVN: JVNRSS 3.2 overview lists and RDF feeds, VULDEF 3.2 details (XML,
 * "HND"), and the API 4.0 JSON equivalents ("OKA"). XML or JSON is told from the first
 * significant byte. The mapping rule for CVEs, aliases and CPEs is in {@link JvnEntry}.
 *
 * <p>Meta: {@code totalRes}, {@code totalResRet} and {@code firstRes} from the MyJVN status
 * block, for paging.
 */
public final class JvnParser implements FeedParser {
    @Override
    public Source source() {
        return Source.JVN;
    }

    @Override
    public void parse(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
        try {
            BufferedInputStream b = new BufferedInputStream(in);
            int first = Sniff.firstSignificant(b);
            if (first == '<') {
                try (XmlCursor x = XmlCursor.open(b, name)) {
                    JvnXmlReader.read(x, sink);
                }
            } else if (first == '{') {
                try (JsonStream js = JsonStream.open(b, name)) {
                    new MyJvnJsonReader(js, name, sink).read();
                }
            } else {
                throw new FeedFormatException(name, "line 1", first < 0 ? "empty file"
                        : "not a JVN document: neither XML nor JSON");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
