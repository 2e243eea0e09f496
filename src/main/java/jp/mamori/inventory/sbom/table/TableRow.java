package jp.mamori.inventory.sbom.table;

import java.util.List;

/**
 * One row of a table as the user sees it.
 *
 * @param number 1-based row number (CSV record, Excel row), used in messages and as the component ref
 */
public record TableRow(int number, List<String> cells) {
    public TableRow {
        cells = List.copyOf(cells);
    }

    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : null;
    }

    public boolean isBlank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
