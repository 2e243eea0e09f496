package jp.mamori.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract documents and NDAs are hostile until proven otherwise: recognised by their bytes, bounded, hashed. */
class ContractDocumentTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static byte[] zip(String... names) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write("<x/>".getBytes(StandardCharsets.US_ASCII));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] ole() {
        byte[] b = new byte[512];
        int[] magic = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
        for (int i = 0; i < magic.length; i++) b[i] = (byte) magic[i];
        return b;
    }

    @Test
    void pdfWordExcelAndTheOldOfficeFormatAreAcceptedByTheirContent() throws Exception {
        ContractDocument pdf = ContractDocument.of("保守契約書.pdf", PDF);
        assertThat(pdf.type()).isEqualTo("application/pdf");
        assertThat(pdf.sha256()).hasSize(64).isEqualTo(ContractDocument.sha256(PDF));
        assertThat(ContractDocument.of("仕様書.docx", zip("[Content_Types].xml", "_rels/.rels", "word/document.xml")).type())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(ContractDocument.of("別紙.xlsx", zip("[Content_Types].xml", "xl/workbook.xml")).type())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(ContractDocument.of("契約書.doc", ole()).type()).isEqualTo("application/x-ole-storage");
        assertThat(ContractDocument.of("..\\..\\契約書.pdf", PDF).name()).as("no path in the stored name").isEqualTo(".._.._契約書.pdf");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "html named .pdf     | PDF または Office 文書",
            "program             | PDF または Office 文書",
            "truncated pdf       | 途中で切れています",
            "pdf with javascript | スクリプトや外部起動を含む PDF",
            "pdf with launch     | スクリプトや外部起動を含む PDF",
            "plain zip           | Office 文書ではない zip",
            "macro workbook      | マクロを含む Office 文書",
            "traversal           | 不正なパス",
            "broken zip          | zip が破損しています",
            "pdf named .docx     | 拡張子と内容が一致しません（内容は PDF）",
            "docx named .pdf     | 拡張子と内容が一致しません（内容は Word）",
            "empty               | 空のファイル",
            "too large           | 20MBまで"})
    void hostileFilesAreRefusedWithAClearJapaneseMessage(String what, String message) throws Exception {
        String name = "doc.pdf";
        byte[] bytes = switch (what.strip()) {
            case "html named .pdf" -> "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
            case "program" -> new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
            case "truncated pdf" -> java.util.Arrays.copyOf(PDF, 30);
            case "pdf with javascript" -> "%PDF-1.7\n1 0 obj\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            case "pdf with launch" -> "%PDF-1.7\n1 0 obj\n<< /OpenAction << /S /Launch /F (cmd.exe) >> >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            case "plain zip" -> { name = "doc.docx"; yield zip("readme.txt", "setup.exe"); }
            case "macro workbook" -> { name = "doc.xlsx"; yield zip("[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin"); }
            case "traversal" -> { name = "doc.docx"; yield zip("[Content_Types].xml", "word/document.xml", "../../etc/cron.d/x"); }
            case "broken zip" -> { name = "doc.docx"; yield new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8}; }
            case "pdf named .docx" -> { name = "doc.docx"; yield PDF; }
            case "docx named .pdf" -> zip("[Content_Types].xml", "word/document.xml");
            case "empty" -> new byte[0];
            case "too large" -> new byte[ContractDocument.MAX_BYTES + 1];
            default -> throw new IllegalArgumentException(what);
        };
        String file = name;
        assertThatThrownBy(() -> ContractDocument.of(file, bytes)).isInstanceOf(PartnersException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(message.strip());
    }
}
