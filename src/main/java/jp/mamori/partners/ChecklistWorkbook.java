package jp.mamori.partners;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.table.TableRow;
import jp.mamori.inventory.sbom.table.Tables;
import jp.mamori.remediation.export.CellText;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The clause checklist of one contract as an Excel workbook: exported to the vendor, filled in
 * offline, imported back. Import is all or nothing: the workbook is checked whole and every bad
 * cell is named (row and column as Excel shows them); nothing is stored unless all of it is valid.
 *
 * <p>Hostile workbooks: at most {@link #MAX_BYTES} on disk and {@link #MAX_INFLATED} once unzipped
 * (counted while inflating, so a zip bomb stops at the bound whatever its headers claim), at most
 * {@link #MAX_ENTRIES} parts, content recognised by its bytes; formulas are never evaluated, and
 * exported text is neutralised so that nothing runs as a formula when opened.
 */
public final class ChecklistWorkbook {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    static final long MAX_INFLATED = 32L * 1024 * 1024;
    static final int MAX_ENTRIES = 200;
    static final int MAX_ROWS = 500;

    static final String SHEET = "チェックリスト";
    static final String[] HEADER = {"項目キー", "項目", "求める内容", "要否", "出典", "回答", "条項・頁", "条項の文言"};
    static final int COL_KEY = 0;
    static final int COL_ANSWER = 5;
    static final int COL_ARTICLE = 6;
    static final int COL_TEXT = 7;

    private ChecklistWorkbook() { }

    /** The checklist of a contract, with its current answers (the proposed one when a vendor's is waiting). */
    public static byte[] write(ContractView view) {
        Contract k = view.contract();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(SHEET);
            CellStyle head = SheetLayout.headStyle(wb);
            head.setBorderBottom(BorderStyle.THIN);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Row meta = s.createRow(0);
            String[] m = {"契約コード", k.code(), "契約名", k.title(), "事業者", k.vendorName()};
            for (int i = 0; i < m.length; i++) meta.createCell(i).setCellValue(CellText.safe(m[i]));
            s.createRow(1).createCell(0).setCellValue("「回答」欄に 有 / 一部 / 無 / 対象外 を入力し、条項・頁と条項の文言を記入してください。"
                    + " Answer 有 (present) / 一部 (partial) / 無 (absent) / 対象外 (not applicable), with the article and the clause text.");
            SheetLayout.header(s, 3, HEADER, head);
            int r = 4;
            for (ContractView.Item it : view.checklist()) {
                Row row = s.createRow(r++);
                ClauseAnswer a = it.answer();
                Answer ans = a == null ? null : a.pending() ? a.proposedAnswer() : a.answer();
                String article = a == null ? null : a.pending() ? a.proposedArticle() : a.article();
                String text = a == null ? null : a.pending() ? a.proposedText() : a.clauseText();
                String[] v = {it.item().key(), it.item().titleJa(), it.item().textJa(),
                        it.required() ? "必須" : it.item().appliesIf() == null ? "必須" : "条件付き（" + it.item().appliesIf().ja() + "）",
                        it.item().source(), ans == null ? "" : ans.ja(), article, text};
                for (int i = 0; i < v.length; i++) {
                    row.createCell(i).setCellValue(CellText.safe(v[i]));
                    if (i == 2 || i == 4 || i == 7) row.getCell(i).setCellStyle(wrap);
                }
            }
            DataValidationHelper dvh = s.getDataValidationHelper();
            DataValidation dv = dvh.createValidation(dvh.createExplicitListConstraint(new String[] {"有", "一部", "無", "対象外"}),
                    new CellRangeAddressList(4, Math.max(4, r - 1), COL_ANSWER, COL_ANSWER));
            dv.setShowErrorBox(true);
            s.addValidationData(dv);
            SheetLayout.widths(s, 18, 28, 60, 16, 40, 10, 16, 60);
            s.createFreezePane(0, 4);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a filled-in checklist for the contract {@code expectedCode}: the answered rows, or a
     * {@link PartnersException} listing every problem. Unanswered rows are left out.
     */
    public static List<ClauseAnswer.Given> read(byte[] bytes, String file, String expectedCode, ClauseCatalogue catalogue) {
        String name = file == null ? "checklist.xlsx" : file;
        if (bytes.length > MAX_BYTES) {
            throw new PartnersException(name, List.of("ファイルが大きすぎます（" + (MAX_BYTES / 1024 / 1024) + "MBまで） / larger than "
                    + (MAX_BYTES / 1024 / 1024) + " MB"));
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw new PartnersException(name, List.of("Excel ブック（.xlsx）ではありません。エクスポートしたチェックリストに記入して取り込んでください"
                    + " / not an Excel .xlsx workbook; fill in the exported checklist and import that"));
        }
        inflatedWithinBounds(bytes, name);
        List<TableRow> rows;
        try {
            rows = Tables.read(bytes, name);
        } catch (SbomFormatException | RuntimeException e) {
            throw new PartnersException(name, List.of("Excel ブックとして読めません（破損しているか、展開後のサイズが大きすぎます） / not a readable .xlsx workbook: "
                    + e.getMessage()));
        }
        if (rows.size() > MAX_ROWS) throw new PartnersException(name, List.of("行が多すぎます（" + MAX_ROWS + "行まで） / more than " + MAX_ROWS + " rows"));
        List<String> problems = new ArrayList<>();
        String code = null;
        int header = -1;
        for (int i = 0; i < rows.size(); i++) {
            TableRow r = rows.get(i);
            if ("契約コード".equals(trim(r.cell(0)))) code = trim(r.cell(1));
            if ("項目キー".equals(trim(r.cell(COL_KEY))) && "回答".equals(trim(r.cell(COL_ANSWER)))) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            throw new PartnersException(name, List.of("見出し行（項目キー … 回答）がありません。エクスポートしたチェックリストの形式のまま記入してください"
                    + " / no header row (項目キー … 回答): keep the exported layout"));
        }
        if (code == null || !code.equals(expectedCode)) {
            problems.add("B1: 契約コードが一致しません（ファイル: " + (code == null ? "なし" : code) + "、取込先: " + expectedCode + "） / the workbook is for contract '"
                    + code + "', not '" + expectedCode + "'");
        }
        Map<String, ClauseAnswer.Given> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (TableRow r : rows.subList(header + 1, rows.size())) {
            if (r.isBlank()) continue;
            String key = trim(r.cell(COL_KEY));
            if (key == null) {
                problems.add(cellRef(COL_KEY, r) + ": 項目キーが空です / item key is empty");
                continue;
            }
            if (catalogue.item(key).isEmpty()) {
                problems.add(cellRef(COL_KEY, r) + ": 不明な項目キー '" + key + "' / unknown item key");
                continue;
            }
            if (!seen.add(key)) {
                problems.add(cellRef(COL_KEY, r) + ": 項目キー '" + key + "' が重複しています / duplicate item key");
                continue;
            }
            String ans = trim(r.cell(COL_ANSWER));
            String article = trim(r.cell(COL_ARTICLE));
            String text = trim(r.cell(COL_TEXT));
            if (ans == null) {
                if (article != null || text != null) problems.add(cellRef(COL_ANSWER, r) + ": 回答が空です（条項が記入されています） / answer is empty but an article or text is given");
                continue;
            }
            Answer a;
            try {
                a = Answer.parse(ans);
            } catch (PartnersException e) {
                problems.add(cellRef(COL_ANSWER, r) + ": 回答 '" + ans + "' は 有 / 一部 / 無 / 対象外 のいずれかです / answer must be present, partial, absent or not applicable");
                continue;
            }
            if (article != null && article.length() > 200) problems.add(cellRef(COL_ARTICLE, r) + ": 条項・頁が長すぎます（200文字まで） / longer than 200 characters");
            if (text != null && text.length() > 2000) problems.add(cellRef(COL_TEXT, r) + ": 条項の文言が長すぎます（2000文字まで） / longer than 2000 characters");
            if ((a == Answer.PRESENT || a == Answer.PARTIAL) && article == null) {
                problems.add(cellRef(COL_ARTICLE, r) + ": 「" + a.ja() + "」には条項・頁を記入してください / give the article or page for '" + a.en() + "'");
            }
            if ((article == null || article.length() <= 200) && (text == null || text.length() <= 2000)) {
                out.put(key, new ClauseAnswer.Given(key, a, article, text));
            }
        }
        if (!problems.isEmpty()) throw new PartnersException(name, problems);
        if (out.isEmpty()) throw new PartnersException(name, List.of("回答が1件もありません / no item is answered"));
        return List.copyOf(out.values());
    }

    /** Inflates every part once, counting, so that what POI later opens is known to be small. */
    static void inflatedWithinBounds(byte[] bytes, String name) {
        long total = 0;
        int entries = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new PartnersException(name, List.of("ブックの構成要素が多すぎます（" + MAX_ENTRIES + "まで） / more than " + MAX_ENTRIES + " parts"));
                }
                if (e.getName().contains("..") || e.getName().startsWith("/")) {
                    throw new PartnersException(name, List.of("ブック内に不正なパスがあります / a part has an unsafe path: " + e.getName()));
                }
                int n;
                while ((n = zip.read(buf)) > 0) {
                    total += n;
                    if (total > MAX_INFLATED) {
                        throw new PartnersException(name, List.of("展開後のサイズが大きすぎます（" + (MAX_INFLATED / 1024 / 1024) + "MBを超えます。zip 爆弾の可能性） / "
                                + "inflates beyond " + (MAX_INFLATED / 1024 / 1024) + " MB (possible zip bomb)"));
                    }
                }
            }
        } catch (IOException e) {
            throw new PartnersException(name, List.of("Excel ブックとして読めません（zip が破損しています） / not a readable .xlsx workbook (broken zip): " + e.getMessage()));
        }
        if (entries == 0) throw new PartnersException(name, List.of("Excel ブックとして読めません（空の zip） / not a readable .xlsx workbook (empty zip)"));
    }

    static String cellRef(int col, TableRow r) {
        return (char) ('A' + col) + String.valueOf(r.number());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
