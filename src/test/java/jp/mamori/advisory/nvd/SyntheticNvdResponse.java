package jp.mamori.advisory.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import jp.mamori.advisory.feed.CollectingSink;

/**
 * An NVD API response of any number of records, generated while it is read (never held in
 * memory or written to disk): the compact form of one real-shaped record repeated with distinct
 * ids. Used to show that memory stays flat and to compare the parser with a bare token scan.
 */
final class SyntheticNvdResponse extends InputStream {
    private static final String ID = "CVE-2099-0000000";

    private final byte[] head;
    private final byte[] record;
    private final byte[] tail = "]}".getBytes(StandardCharsets.US_ASCII);
    private final int idOffset;
    private final int records;
    private int index;
    private byte[] current;
    private int pos;

    SyntheticNvdResponse(int records) {
        try {
            ObjectMapper m = new ObjectMapper();
            JsonNode cve = m.readTree(CollectingSink.resource("/feeds/nvd/api-response-3.json")).at("/vulnerabilities/0/cve");
            ((com.fasterxml.jackson.databind.node.ObjectNode) cve).put("id", ID);
            this.record = ("{\"cve\":" + m.writeValueAsString(cve) + "}").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.idOffset = new String(record, StandardCharsets.UTF_8).indexOf(ID) + "CVE-2099-".length();
        this.records = records;
        this.head = ("{\"resultsPerPage\":" + records + ",\"startIndex\":0,\"totalResults\":" + records
                + ",\"format\":\"NVD_CVE\",\"version\":\"2.0\",\"timestamp\":\"2025-10-25T08:00:00.000\",\"vulnerabilities\":[")
                .getBytes(StandardCharsets.US_ASCII);
        this.current = head;
    }

    long length() { return head.length + (long) records * (record.length + 1) - 1 + tail.length; }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (current == null) return -1;
        int n = 0;
        while (n < len && current != null) {
            int chunk = Math.min(len - n, current.length - pos);
            System.arraycopy(current, pos, b, off + n, chunk);
            pos += chunk;
            n += chunk;
            if (pos == current.length) next();
        }
        return n;
    }

    private void next() {
        pos = 0;
        if (current == tail) {
            current = null;
        } else if (index == records) {
            current = tail;
        } else {
            current = record(index, index > 0);
            index++;
        }
    }

    /** The template record with id CVE-2099-nnnnnnn, preceded by a comma after the first. */
    private byte[] record(int i, boolean comma) {
        int shift = comma ? 1 : 0;
        byte[] r = new byte[record.length + shift];
        if (comma) r[0] = ',';
        System.arraycopy(record, 0, r, shift, record.length);
        for (int k = 6, v = i; k >= 0; k--, v /= 10) r[shift + idOffset + k] = (byte) ('0' + v % 10);
        return r;
    }
}
