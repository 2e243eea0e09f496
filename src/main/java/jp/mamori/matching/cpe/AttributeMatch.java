package jp.mamori.matching.cpe;

import jp.mamori.identifiers.cpe.Cpe23;

import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.util.Relation;

/**
 * One attribute of an applicability criterion against the same attribute of an asset's CPE, by
 * the NIST CPE name matching relations (NISTIR 7696): the criterion applies when its value is a
 * SUPERSET of, or EQUAL to, the asset's (ANY is a superset of everything; values compare
 * case-insensitively and may hold {@code *}/{@code ?} wildcards).
 *
 * <p>One deliberate relaxation: strictly, a criterion NA ({@code -}) against an asset ANY is a
 * SUBSET, i.e. no match. An asset CPE leaves attributes ANY when its owner did not state them, and
 * such an asset is the ordinary product: {@code sw_edition} unstated means "not the FIPS edition".
 * So NA in a criterion is satisfied by an asset's NA or ANY, while a specific value ({@code fips})
 * is satisfied only by that value.
 */
final class AttributeMatch {
    private AttributeMatch() { }

    /** Both arguments well-formed (escaped) values, as {@link Cpe23#wellFormed} returns them. */
    static boolean covers(String criterion, String asset) {
        if (Cpe23.ANY.equals(criterion)) return true;
        if (Cpe23.NA.equals(criterion) && Cpe23.ANY.equals(asset)) return true;
        // compareAttribute's own first and last answers, without its character-by-character scan for
        // wildcards: equal ignoring case is EQUAL, and a criterion without '*' or '?' is otherwise never
        // a SUPERSET (the other platform CPEs a criterion is tried against mostly differ: 3 % of a scan).
        if (criterion.equalsIgnoreCase(asset)) return true;
        if (criterion.indexOf('*') < 0 && criterion.indexOf('?') < 0) return false;
        Relation r = Cpe.compareAttribute(criterion, asset);
        return r == Relation.SUPERSET || r == Relation.EQUAL;
    }
}
