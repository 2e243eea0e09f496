package jp.mamori.inventory.sbom.table;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the header row of a vendor table and which column is which. Vendors' spreadsheets often start
 * with a title, a date or a company name above the table, so the header is searched in the first rows.
 * Headers are compared after NFKC (full-width "ＵＲＬ" = "URL"), lower-casing and removing spaces.
 *
 * @param supplier  column index or -1
 * @param component always present
 * @param version   column index or -1
 * @param url       column index or -1
 * @param headerRow the row the headers were found in
 */
public record Columns(int supplier, int component, int version, int url, int headerRow) {
    static final int SEARCHED_ROWS = 20;

    private static final Set<String> SUPPLIER = Set.of("サプライヤ名", "サプライヤー名", "サプライヤ", "サプライヤー",
            "supplier", "suppliername");
    private static final Set<String> COMPONENT = Set.of("コンポーネント名", "コンポーネント", "component", "componentname");
    private static final Set<String> VERSION = Set.of("バージョン", "version");
    private static final Set<String> URL = Set.of("製品url", "url", "producturl");

    /** The first row that names the component column and at least one other known column. */
    public static Optional<Columns> find(List<TableRow> rows) {
        for (int i = 0; i < Math.min(SEARCHED_ROWS, rows.size()); i++) {
            TableRow row = rows.get(i);
            int supplier = -1, component = -1, version = -1, url = -1;
            for (int c = 0; c < row.cells().size(); c++) {
                String h = normalise(row.cell(c));
                if (SUPPLIER.contains(h) && supplier < 0) supplier = c;
                else if (COMPONENT.contains(h) && component < 0) component = c;
                else if (VERSION.contains(h) && version < 0) version = c;
                else if (URL.contains(h) && url < 0) url = c;
            }
            boolean another = supplier >= 0 || version >= 0 || url >= 0;
            if (component >= 0 && another) return Optional.of(new Columns(supplier, component, version, url, row.number()));
        }
        return Optional.empty();
    }

    static String normalise(String header) {
        if (header == null) return "";
        String n = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("[\\s_\\-]", "");
    }
}
