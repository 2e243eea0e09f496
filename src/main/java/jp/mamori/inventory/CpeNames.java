package jp.mamori.inventory;

import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;

/** Validates the CPE 2.3 names people type into the inventory. */
public final class CpeNames {
    private CpeNames() { }

    /** Returns the name unchanged when it is a valid CPE 2.3 formatted string; else explains why not. */
    public static String validate(String cpe) {
        if (cpe == null || cpe.isBlank()) return null;
        String v = cpe.trim();
        if (!v.startsWith("cpe:2.3:")) {
            throw new InventoryException("CPE must be a CPE 2.3 formatted string starting with 'cpe:2.3:': '" + v + "'");
        }
        try {
            CpeParser.parse(v);
        } catch (CpeParsingException e) {
            throw new InventoryException("invalid CPE 2.3 name '" + v + "': " + e.getMessage());
        }
        if (v.split("(?<!\\\\):", -1).length != 13) {
            throw new InventoryException("invalid CPE 2.3 name '" + v + "': it must have 13 colon-separated parts");
        }
        return v;
    }
}
