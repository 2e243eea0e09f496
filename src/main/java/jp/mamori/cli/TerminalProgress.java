package jp.mamori.cli;

import java.io.PrintStream;
import jp.mamori.advisory.store.FeedImporter;
import jp.mamori.advisory.store.ImportListener;

/**
 * Progress of a long import on the terminal (stderr, so that stdout stays clean for results).
 * The running count is redrawn only on an interactive terminal; logs get one line per document.
 */
final class TerminalProgress implements ImportListener {

    private final PrintStream err = System.err;
    private final boolean interactive = System.console() != null;
    private long lastDraw;

    @Override
    public void documentStarted(String name, String source) {
        if (interactive) err.print("\r取り込み中 / importing [" + source + "] " + name);
    }

    @Override
    public void records(String name, long count) {
        long now = System.nanoTime();
        if (interactive && now - lastDraw > 200_000_000L) {
            lastDraw = now;
            err.print("\r取り込み中 / importing " + name + " … " + String.format("%,d", count) + " 件");
        }
    }

    @Override
    public void documentDone(FeedImporter.DocumentResult r) {
        if (interactive) err.print("\r\033[K");
        err.println("[" + r.source().key() + "] " + r.name() + ": " + r.stats());
    }

    @Override
    public void documentFailed(String name, String message) {
        if (interactive) err.print("\r\033[K");
        err.println("エラー / error: " + message);
    }

    @Override
    public void skipped(String name, String reason) {
        if (interactive) err.print("\r\033[K");
        err.println("スキップ / skipped " + name + " (" + reason + ")");
    }
}
