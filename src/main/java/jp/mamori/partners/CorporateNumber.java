package jp.mamori.partners;

/**
 * 法人番号: 13 digits whose first digit is a check digit over the other twelve (国税庁「法人番号の
 * 指定等に関する省令」: 9 − (Σ Pn × Qn mod 9), Pn the n-th digit from the right of the twelve, Qn 1
 * for odd n and 2 for even n).
 */
public final class CorporateNumber {
    private CorporateNumber() { }

    /** The number without spaces or hyphens, or null when blank; refuses a malformed one. */
    public static String normalise(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip().replace("-", "").replace(" ", "");
        StringBuilder ascii = new StringBuilder();
        for (char ch : v.toCharArray()) ascii.append(ch >= '０' && ch <= '９' ? (char) ('0' + (ch - '０')) : ch);
        v = ascii.toString();
        if (!v.matches("\\d{13}")) {
            throw new PartnersException("法人番号は13桁の数字です / a corporate number has 13 digits: '" + value + "'");
        }
        int check = checkDigit(v.substring(1));
        if (v.charAt(0) - '0' != check) {
            throw new PartnersException("法人番号のチェックデジットが一致しません: '" + value + "'（先頭の数字は " + check + " のはずです） / corporate number check digit mismatch: '"
                    + value + "' (expected " + check + ")");
        }
        return v;
    }

    public static boolean isValid(String value) {
        try {
            return normalise(value) != null;
        } catch (PartnersException e) {
            return false;
        }
    }

    static int checkDigit(String twelve) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int p = twelve.charAt(12 - n) - '0';
            sum += p * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }
}
