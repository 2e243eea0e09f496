package jp.mamori.audit;

/**
 * How a value given by a user (a file name, a vendor's name, a component) is written into an audit
 * entry's {@code key=value} detail: as it is when it is one plain word, otherwise in double quotes
 * with {@code \} and {@code "} escaped. A name such as {@code a.json src=x} then stays one value
 * and cannot pose as a second field when the entry is read back.
 */
public final class AuditDetail {
    private AuditDetail() { }

    public static String quote(Object value) {
        if (value == null) return "-";
        String s = value.toString();
        if (!s.isEmpty() && s.chars().noneMatch(c -> c == '"' || c == '=' || c == '\\' || Character.isWhitespace(c))) return s;
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\');
            sb.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
        }
        return sb.append('"').toString();
    }
}
