package jp.mamori.advisory.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import jp.mamori.advisory.FeedFormatException;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        CsvReader r = new CsvReader(new StringReader("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"x\ny\",,z\n"), "t.csv");

        assertThat(r.next()).containsExactly("a", "b, c", "say \"hi\"");
        assertThat(r.recordLine()).isEqualTo(1);
        assertThat(r.next()).containsExactly("x\ny", "", "z");
        assertThat(r.recordLine()).isEqualTo(2);
        assertThat(r.next()).isNull();
    }

    @Test
    void blankLinesAreSkippedAndLinesCounted() throws Exception {
        CsvReader r = new CsvReader(new StringReader("h1,h2\n\n\nv1,v2"), "t.csv");

        assertThat(r.next()).isEqualTo(List.of("h1", "h2"));
        assertThat(r.next()).isEqualTo(List.of("v1", "v2"));
        assertThat(r.recordLine()).isEqualTo(4);
    }

    @Test
    void unclosedQuoteNamesTheLineWhereItOpened() throws Exception {
        CsvReader r = new CsvReader(new StringReader("h1,h2\nv1,\"open\nstill open\n"), "t.csv");
        r.next();

        assertThatThrownBy(r::next).isInstanceOf(FeedFormatException.class)
                .hasMessage("t.csv (line 2): malformed CSV: quoted field is not closed before the end of the file");
    }

    @Test
    void textAfterClosingQuoteIsMalformed() throws Exception {
        CsvReader r = new CsvReader(new StringReader("\"a\"b,c\n"), "t.csv");

        assertThatThrownBy(r::next).isInstanceOf(FeedFormatException.class)
                .hasMessage("t.csv (line 1): malformed CSV: unexpected character 'b' after a closing quote");
    }
}
