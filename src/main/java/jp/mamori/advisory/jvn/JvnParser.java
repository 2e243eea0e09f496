package jp.mamori.advisory.jvn;

import jp.mamori.advisory.support.XmlOrJson;
import java.io.IOException;
import java.io.InputStream;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;

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
        XmlOrJson.parse(in, name, "JVN", x -> JvnXmlReader.read(x, sink), js -> new MyJvnJsonReader(js, name, sink).read());
    }
}
