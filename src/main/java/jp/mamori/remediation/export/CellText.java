package jp.mamori.remediation.export;

/**
 * Text for a spreadsheet cell. Names and reasons come from SBOMs, feeds and people; a cell that
 * starts with = + - @ (or a tab or carriage return) would be run as a formula when the file is opened
 * in Excel (CSV/formula injection), so it is prefixed with an apostrophe.
 */
public final class CellText {
    private CellText() { }

    public static String safe(String s) {
        if (s == null || s.isEmpty()) return s == null ? "" : s;
        char first = s.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') return "'" + s;
        return s;
    }
}
