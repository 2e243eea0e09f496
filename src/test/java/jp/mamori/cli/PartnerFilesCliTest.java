package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The commands that hand a file to a use case — {@code partner import}, {@code contract attach} — on the demo's
 * data in this JVM: the file is taken and the person named by {@code --by} is the one audited; a missing file and
 * one over the use case's limit are refused before anything is read or stored (exit 2, the reason Japanese first).
 */
class PartnerFilesCliTest {

    private static Path data;
    private static InProcessCli cli;

    @BeforeAll
    static void demo() throws Exception {
        data = Files.createTempDirectory("mamori-partner-files-");
        cli = new InProcessCli(data);
        assertThat(cli.onData("demo", "--no-serve").rc()).isZero();
    }

    @Test
    void aPartnersListIsImportedAsTheNamedPerson() throws Exception {
        Path list = Files.writeString(data.resolve("partners.csv"), """
                事業者名,サービス区分,電話,連絡順
                Gセキュリティ株式会社,デジタルフォレンジック,03-1111-2222,2
                """, StandardCharsets.UTF_8);
        InProcessCli.Run r = cli.onData("partner", "import", list.toString(), "--by", "tanaka");
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.out()).contains("IR事業者を取り込みました / partners imported: 1 件");
        assertThat(cli.onData("partner", "list").out()).contains("Gセキュリティ株式会社");
        assertThat(cli.onData("audit", "list").out()).contains("tanaka");
    }

    @Test
    void aContractDocumentIsAttachedWithItsDigest() throws Exception {
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Path doc = Files.write(data.resolve("gw-contract.pdf"), pdf);
        InProcessCli.Run r = cli.onData("contract", "attach", DemoPartners.GATEWAY_CONTRACT, doc.toString(), "--by", "sato");
        assertThat(r.rc()).as(r.err()).isZero();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(r.out()).contains("契約書を登録しました / document attached: gw-contract.pdf SHA-256 " + sha256);
    }

    @Test
    void aMissingFileAndOneOverTheLimitAreRefusedBeforeReading() throws Exception {
        InProcessCli.Run missing = cli.onData("partner", "import", data.resolve("nothing.csv").toString());
        assertThat(missing.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("nothing.csv: ファイルがありません / no such file");

        Path big = data.resolve("big.csv");
        Files.write(big, new byte[2 * 1024 * 1024 + 2]);
        InProcessCli.Run tooBig = cli.onData("partner", "import", big.toString());
        assertThat(tooBig.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(tooBig.err()).contains("big.csv: ファイルが大きすぎます（2MBまで） / larger than 2 MB");
        assertThat(cli.onData("partner", "list").out()).doesNotContain("big.csv");

        InProcessCli.Run checklist = cli.onData("contract", "import-checklist", DemoPartners.GATEWAY_CONTRACT, big.toString());
        assertThat(checklist.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(checklist.err()).contains("big.csv: ファイルが大きすぎます（2MBまで）");
    }

    @Test
    void aPdfOrAnotherBinaryGivenAsThePartnersListIsNamedAsNotATable() throws Exception {
        String before = cli.onData("partner", "list").out();
        Path pdf = Files.write(data.resolve("サービスリスト.csv"), "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        InProcessCli.Run r = cli.onData("partner", "import", pdf.toString());
        assertThat(r.rc()).as(r.out()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("サービスリスト.csv: 表ではありません（PDF ファイルです）。CSV（UTF-8・Shift_JIS）または .xlsx を指定してください")
                .doesNotContain("見出し行");
        Path png = Files.write(data.resolve("list.xlsx"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        InProcessCli.Run image = cli.onData("partner", "import", png.toString());
        assertThat(image.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(image.err()).contains("list.xlsx: 表ではありません（画像ファイルです）");
        Path binary = Files.write(data.resolve("list.csv"), new byte[] {'a', ',', 'b', 0, 1, 2, 3});
        assertThat(cli.onData("partner", "import", binary.toString()).err()).contains("表ではありません（バイナリファイルです）");
        assertThat(cli.onData("partner", "list").out()).as("nothing imported").isEqualTo(before);
    }
}
