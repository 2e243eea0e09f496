package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.StorageFull;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.10: a full disk is reported as a clear Japanese/English sentence, not as H2's raw message. The disk
 * cannot be filled in a test, so the exceptions are the real ones H2 and PostgreSQL raise for it.
 */
class StorageFullTest {

    /** What H2 throws when a write to its file fails with the operating system's ENOSPC. */
    private static SQLException h2DiskFull() {
        return DbException.convertIOException(new IOException("No space left on device"), "/var/lib/mamori/data/mamori.mv.db").getSQLException();
    }

    @Test
    void theDatabasesWaysOfSayingTheDiskIsFullAreRecognised() {
        assertThat(StorageFull.describe(h2DiskFull())).contains(StorageFull.MESSAGE);
        assertThat(StorageFull.describe(new SQLException("could not extend file \"base/16384/2619\": No space left on device", "53100")))
                .contains(StorageFull.MESSAGE);
        assertThat(StorageFull.describe(new SQLException("ERROR: could not write block", "53100"))).as("by SQLState alone").contains(StorageFull.MESSAGE);
        assertThat(StorageFull.describe(new IllegalStateException("Writing to nio:/d/mamori.mv.db failed; There is not enough space on the disk [2.3.232/2]")))
                .as("MVStore on Windows").contains(StorageFull.MESSAGE);
        assertThat(StorageFull.describe(new SQLException("Unique index or primary key violation", "23505"))).isEmpty();
        assertThat(StorageFull.describe(new RuntimeException("boom"))).isEmpty();
    }

    @Test
    void theCommandLineSaysSoInJapaneseFirstAndExitsThree() {
        StringWriter out = new StringWriter();
        int code = MamoriMain.report(new Database.TransactionFailedException(h2DiskFull()), new PrintWriter(out));

        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(out.toString()).startsWith("エラー / error: ディスクの空き容量がありません。空きを作ってからやり直してください")
                .contains("the disk is full: free some space and try again")
                .doesNotContain("mv.db").doesNotContain("90028").doesNotContain("JdbcSQL");
    }
}
