package jp.mamori.advisory.bundle;

import jp.mamori.advisory.Source;

/** The entry names a bundle may contain; the writer and the reader apply the same rule. */
final class BundlePaths {

    static final int MAX_NAME_LENGTH = 1024;
    static final int MAX_DEPTH = 16;

    /** Import order of a document's source (see {@link Source#importOrder()}). */
    static int rank(Source s) {
        return s.importOrder();
    }

    /** Why a name is refused, or null when it is a safe relative name. */
    static String problem(String name) {
        if (name.isEmpty()) return "empty entry name";
        if (name.length() > MAX_NAME_LENGTH) return "entry name longer than " + MAX_NAME_LENGTH + " characters";
        if (name.startsWith("/") || (name.length() > 1 && name.charAt(1) == ':')) return "absolute path";
        if (name.indexOf('\\') >= 0) return "backslash in the entry name";
        String[] segments = name.split("/", -1);
        int depth = 0;
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            if (seg.equals("..")) return "'..' in the entry name (path traversal)";
            if (seg.isEmpty() && i == segments.length - 1) continue; // directory entry "a/b/"
            if (seg.isEmpty()) return "empty path segment";
            if (seg.equals(".")) return "'.' segment in the entry name";
            if (seg.startsWith(".")) return "hidden file or directory in the entry name";
            if (seg.length() > 255) return "path segment longer than 255 characters";
            for (int k = 0; k < seg.length(); k++) {
                char c = seg.charAt(k);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '.' || c == '_' || c == '-' || c == '~' || c == '+' || c == '=' || c == '@' || c == ',';
                if (!ok) return "character " + (Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'")
                        + " not allowed in entry names";
            }
            depth++;
        }
        if (depth > MAX_DEPTH) return "deeper than " + MAX_DEPTH + " levels";
        return null;
    }
}
