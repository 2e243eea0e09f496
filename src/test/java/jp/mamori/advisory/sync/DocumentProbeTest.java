package jp.mamori.advisory.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentProbeTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void readsNvdPagingFields() throws Exception {
        DocumentProbe.NvdPage p = DocumentProbe.nvdPage(write("p.json", ReplayServer.resource("nvd/page-1.json")));
        assertThat(p).isEqualTo(new DocumentProbe.NvdPage(1, 1, 3, 1));
    }

    @Test
    void readsTheMyJvnStatusAndOnlyTheEntryIds() throws Exception {
        DocumentProbe.MyJvnStatus o = DocumentProbe.myJvn(write("o.xml", ReplayServer.resource("jvn/overview-1.xml")));
        assertThat(o.method()).isEqualTo("getVulnOverviewList");
        assertThat(o.retCd()).isZero();
        assertThat(o.totalRes()).isEqualTo(3);
        assertThat(o.totalResRet()).isEqualTo(2);
        assertThat(o.firstRes()).isEqualTo(1);
        assertThat(o.ids()).containsExactly("JVNDB-2025-002953", "JVNDB-2025-002884");

        // RelatedItem/VulinfoID (CVE and CWE ids) are not entries
        DocumentProbe.MyJvnStatus d = DocumentProbe.myJvn(write("d.xml", ReplayServer.resource("jvn/detail-1.xml")));
        assertThat(d.ids()).containsExactly("JVNDB-2025-002953", "JVNDB-2025-002884");
    }

    @Test
    void refusesExternalEntities() throws Exception {
        Path secret = write("secret.txt", "top secret".getBytes());
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:status=\"http://jvndb.jvn.jp/myjvn/Status\">"
                + "<status:Status retCd=\"0\" errMsg=\"&x;\" totalRes=\"0\" totalResRet=\"0\" firstRes=\"1\"/></rdf:RDF>";
        Path p = write("xxe.xml", xml.getBytes());
        try {
            DocumentProbe.MyJvnStatus s = DocumentProbe.myJvn(p);
            assertThat(s.errMsg()).doesNotContain("top secret");
        } catch (DocumentProbe.ProbeException e) {
            assertThat(e.getMessage()).doesNotContain("top secret");
        }
    }

    @Test
    void refusesDocumentsOfTheWrongKind() throws Exception {
        Path html = write("x.html", "<html><body>maintenance</body></html>".getBytes());
        assertThatThrownBy(() -> DocumentProbe.myJvn(html)).hasMessageContaining("no status:Status element");
        Path json = write("x.json", "{\"error\": \"nope\"}".getBytes());
        assertThatThrownBy(() -> DocumentProbe.nvdPage(json)).hasMessageContaining("no totalResults");
        assertThatThrownBy(() -> DocumentProbe.kev(json)).hasMessageContaining("no vulnerabilities array");
        assertThatThrownBy(() -> DocumentProbe.osvZip(json, 10)).hasMessageContaining("not a valid zip");
        assertThatThrownBy(() -> DocumentProbe.epss(json, 1000)).hasMessageContaining("not a valid gzip");
    }

    @Test
    void boundsTheDecompressedEpssSize() throws Exception {
        byte[] gz = WholeFileSyncTest.gzip(ReplayServer.resource("epss/epss_scores-current.csv"));
        Path p = write("e.csv.gz", gz);
        assertThatThrownBy(() -> DocumentProbe.epss(p, 50)).hasMessageContaining("decompressed size exceeds 50 bytes");
    }
}
