package jp.mamori.persistence;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises "the disk is full" in whatever shape the database reports it (PostgreSQL SQLState 53100, H2's
 * I/O errors and MVStore failures carrying the operating system's "No space left on device"), so that users
 * read a clear Japanese/English sentence instead of a raw H2 message (issue 18.10).
 */
public final class StorageFull {

    public static final String MESSAGE = "ディスクの空き容量がありません。空きを作ってからやり直してください（この操作の変更は保存されていません） / "
            + "the disk is full: free some space and try again (this operation's changes were not saved)";

    private static final String[] OS_TEXTS = {"no space left on device", "not enough space on the disk", "disk full", "enospc",
            "disk quota exceeded"};

    private StorageFull() { }

    /** {@link #MESSAGE} when {@code t} or one of its causes says the disk (or quota) is full. */
    public static Optional<String> describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s) {
                // 53100 disk_full, 53200 out_of_memory is not ours; 53xxx insufficient resources
                if ("53100".equals(s.getSQLState())) return Optional.of(MESSAGE);
                for (SQLException n = s.getNextException(); n != null; n = n.getNextException()) {
                    if ("53100".equals(n.getSQLState()) || mentionsFull(n.getMessage())) return Optional.of(MESSAGE);
                }
            }
            if (mentionsFull(c.getMessage())) return Optional.of(MESSAGE);
        }
        return Optional.empty();
    }

    private static boolean mentionsFull(String m) {
        if (m == null) return false;
        String l = m.toLowerCase(Locale.ROOT);
        for (String s : OS_TEXTS) if (l.contains(s)) return true;
        return false;
    }
}
