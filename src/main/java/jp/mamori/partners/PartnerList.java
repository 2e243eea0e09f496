package jp.mamori.partners;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.table.TableRow;
import jp.mamori.inventory.sbom.table.Tables;

/**
 * The IR partners list the user keeps (CSV in UTF-8 or Shift_JIS, or .xlsx), e.g. copied from IPA's
 * 情報セキュリティサービス基準適合サービスリスト — never fetched online. Read whole and validated whole:
 * every bad cell is named and nothing is stored unless all rows are valid.
 */
public final class PartnerList {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 1000;

    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("name", List.of("事業者名", "事業者", "name", "vendor"));
        COLUMNS.put("corporateNumber", List.of("法人番号", "corporate number"));
        COLUMNS.put("category", List.of("サービス区分", "区分", "category"));
        COLUMNS.put("registration", List.of("登録番号", "registration number", "registration"));
        COLUMNS.put("validUntil", List.of("有効期限", "登録有効期限", "valid until"));
        COLUMNS.put("person", List.of("担当者", "contact person", "person"));
        COLUMNS.put("phone", List.of("電話", "電話番号", "phone"));
        COLUMNS.put("hotline", List.of("24時間窓口", "緊急連絡先", "hotline"));
        COLUMNS.put("email", List.of("メール", "メールアドレス", "e-mail", "email"));
        COLUMNS.put("callOrder", List.of("連絡順", "call order"));
    }

    private PartnerList() { }

    public static List<VendorStore.Input> read(byte[] bytes, String file) {
        String name = file == null ? "partners.csv" : file;
        if (bytes.length > MAX_BYTES) throw new PartnersException(name, List.of("ファイルが大きすぎます（2MBまで） / larger than 2 MB"));
        NotATable.refuse(bytes, name);
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (zip) ChecklistWorkbook.inflatedWithinBounds(bytes, name);
        List<TableRow> rows;
        try {
            rows = Tables.read(bytes, name);
        } catch (SbomFormatException | RuntimeException e) {
            throw new PartnersException(name, List.of("表として読めません（CSV または .xlsx） / not a readable CSV or .xlsx table: " + e.getMessage()));
        }
        if (rows.size() > MAX_ROWS) throw new PartnersException(name, List.of("行が多すぎます（" + MAX_ROWS + "行まで） / more than " + MAX_ROWS + " rows"));
        int header = -1;
        Map<String, Integer> cols = Map.of();
        for (int i = 0; i < rows.size() && header < 0; i++) {
            Map<String, Integer> found = header(rows.get(i));
            if (found.containsKey("name")) {
                header = i;
                cols = found;
            }
        }
        if (header < 0) throw new PartnersException(name, List.of("見出し行（事業者名 …）がありません / no header row with 事業者名 (name)"));
        List<String> problems = new ArrayList<>();
        List<VendorStore.Input> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TableRow r : rows.subList(header + 1, rows.size())) {
            if (r.isBlank()) continue;
            String where = "行 " + r.number() + " / row " + r.number();
            int before = problems.size();
            String vendor = cell(r, cols, "name");
            if (vendor == null) problems.add(where + ": 事業者名が空です / name is empty");
            else if (!seen.add(vendor)) problems.add(where + ": 事業者名 '" + vendor + "' が重複しています / duplicate name");
            String corp = cell(r, cols, "corporateNumber");
            if (corp != null && !CorporateNumber.isValid(corp)) problems.add(where + " 法人番号: '" + corp + "' は法人番号ではありません（13桁・チェックデジット） / not a valid corporate number");
            ServiceCategory cat = null;
            String c = cell(r, cols, "category");
            if (c != null) {
                try {
                    cat = ServiceCategory.parse(c);
                } catch (PartnersException e) {
                    problems.add(where + " サービス区分: " + e.getMessage());
                }
            }
            LocalDate until = null;
            String u = cell(r, cols, "validUntil");
            if (u != null) {
                try {
                    until = LocalDate.parse(u.replace('/', '-'));
                } catch (DateTimeParseException e) {
                    problems.add(where + " 有効期限: '" + u + "' は YYYY-MM-DD ではありません / not a date (YYYY-MM-DD)");
                }
            }
            Integer order = null;
            String o = cell(r, cols, "callOrder");
            if (o != null) {
                if (o.matches("\\d{1,3}")) order = Integer.parseInt(o);
                else problems.add(where + " 連絡順: '" + o + "' は数字ではありません / not a number");
            }
            if (problems.size() > before) continue;
            try {
                out.add(new VendorStore.Input(vendor, corp, VendorKind.IR, cell(r, cols, "person"), cell(r, cols, "phone"), cell(r, cols, "email"),
                        cell(r, cols, "hotline"), cat, cell(r, cols, "registration"), until, order));
            } catch (PartnersException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new PartnersException(name, problems);
        if (out.isEmpty()) throw new PartnersException(name, List.of("事業者が1件もありません / no partner in the file"));
        return out;
    }

    private static Map<String, Integer> header(TableRow row) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String h = row.cell(i) == null ? "" : row.cell(i).strip().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, List<String>> e : COLUMNS.entrySet()) {
                if (!found.containsKey(e.getKey()) && e.getValue().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(h))) found.put(e.getKey(), i);
            }
        }
        return found;
    }

    private static String cell(TableRow r, Map<String, Integer> cols, String key) {
        Integer i = cols.get(key);
        String v = i == null ? null : r.cell(i);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
