package jp.mamori.advisory.nvd;

import static org.assertj.core.api.Assertions.assertThat;

import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.FeedSink;
import org.junit.jupiter.api.Test;

/** The parser streams: records reach the sink while the document is still being read. */
class NvdStreamingTest {

    @Test
    void recordsOfAGeneratedResponseAreHandedOverOneByOne() throws Exception {
        int records = 20_000;
        SyntheticNvdResponse in = new SyntheticNvdResponse(records);
        int[] count = {0};
        String[] last = {null};

        new NvdParser().parse(in, "synthetic.json", new FeedSink() {
            @Override
            public void advisory(Advisory a) {
                count[0]++;
                last[0] = a.vulnId();
            }
        });

        assertThat(count[0]).isEqualTo(records);
        assertThat(last[0]).isEqualTo("CVE-2099-0019999");
    }

    @Test
    void firstRecordArrivesBeforeTheEndOfTheDocument() throws Exception {
        SyntheticNvdResponse in = new SyntheticNvdResponse(5_000);
        long[] readWhenFirst = {-1};
        java.io.InputStream counting = new java.io.FilterInputStream(in) {
            long read;

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                int n = super.read(b, off, len);
                if (n > 0) read += n;
                return n;
            }

            @Override
            public String toString() { return Long.toString(read); }
        };

        new NvdParser().parse(counting, "synthetic.json", new FeedSink() {
            @Override
            public void advisory(Advisory a) {
                if (readWhenFirst[0] < 0) readWhenFirst[0] = Long.parseLong(counting.toString());
            }
        });

        assertThat(readWhenFirst[0]).isPositive().isLessThan(in.length() / 10);
    }
}
