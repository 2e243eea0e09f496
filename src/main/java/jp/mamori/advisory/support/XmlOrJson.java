package jp.mamori.advisory.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.json.JsonStream;
import jp.mamori.advisory.xml.XmlCursor;

/**
 * Opens a document published both as XML and as JSON (JVN, CycloneDX) with the safe reader of the
 * kind its first significant byte names, and hands it to the matching body. Read failures of the
 * bytes themselves leave as the IOException of the parser's contract, not as a format error.
 */
public final class XmlOrJson {

    /** Reads an XML document from its cursor. */
    @FunctionalInterface
    public interface XmlBody {
        void read(XmlCursor x) throws FeedFormatException;
    }

    private XmlOrJson() { }

    /** @param what the format's name for the refusal of anything else ("JVN", "CycloneDX") */
    public static void parse(InputStream in, String name, String what, XmlBody xml, JsonStream.Body json)
            throws IOException, FeedFormatException {
        try {
            BufferedInputStream b = new BufferedInputStream(in);
            int first = Sniff.firstSignificant(b);
            if (first == '<') {
                try (XmlCursor x = XmlCursor.open(b, name)) {
                    xml.read(x);
                }
            } else if (first == '{') {
                JsonStream.parse(b, name, json);
            } else {
                throw new FeedFormatException(name, "line 1", first < 0 ? "empty file"
                        : "not a " + what + " document: neither XML nor JSON");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
