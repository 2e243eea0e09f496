package jp.mamori.advisory.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import jp.mamori.advisory.FeedFormatException;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    @Test
    void linesWithLfAndCrlfAndNoFinalBreak() throws Exception {
        LineReader r = new LineReader(new StringReader("a\r\nb\n\nc"), "f", 100);

        assertThat(r.readLine()).isEqualTo("a");
        assertThat(r.readLine()).isEqualTo("b");
        assertThat(r.readLine()).isEmpty();
        assertThat(r.readLine()).isEqualTo("c");
        assertThat(r.lineNumber()).isEqualTo(4);
        assertThat(r.readLine()).isNull();
    }

    @Test
    void lineSpanningBufferRefillsIsWhole() throws Exception {
        String longLine = "x".repeat(100_000);
        LineReader r = new LineReader(new StringReader(longLine + "\nnext"), "f", 200_000);

        assertThat(r.readLine()).isEqualTo(longLine);
        assertThat(r.readLine()).isEqualTo("next");
    }

    @Test
    void overlongLineIsRefusedWithItsNumber() throws Exception {
        LineReader r = new LineReader(new StringReader("ok\n" + "y".repeat(5000)), "epss.csv", 1000);
        r.readLine();

        assertThatThrownBy(r::readLine).isInstanceOf(FeedFormatException.class)
                .hasMessage("epss.csv (line 2): line longer than 1000 characters");
    }
}
