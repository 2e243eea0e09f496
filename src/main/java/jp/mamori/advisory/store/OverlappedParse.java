package jp.mamori.advisory.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.EpssScore;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.KevEntry;
import jp.mamori.advisory.VexStatement;

/**
 * Parses a document on a second thread while the caller's thread writes what was parsed (issue 16,
 * P3): parsing, mapping and serialising a statement (its stored JSON and hash) take about as long as
 * storing it, and an import has two cores. The records reach the writer in document order, on the
 * caller's thread and connection, so the document is still stored in the caller's one transaction:
 * when either side fails, the other stops and the caller sees the first error (a format error of
 * the document stays a {@link FeedFormatException}) and rolls back.
 */
final class OverlappedParse {

    private static final int BATCH = 256;
    private static final List<Consumer<KnowledgeBaseWriter>> END = List.of();

    private OverlappedParse() { }

    static void parse(FeedParser parser, InputStream in, String name, KnowledgeBaseWriter writer) throws IOException, FeedFormatException {
        BlockingQueue<List<Consumer<KnowledgeBaseWriter>>> queue = new ArrayBlockingQueue<>(8);
        Throwable[] parseError = new Throwable[1];
        Sink sink = new Sink(queue);
        Thread parsing = new Thread(() -> {
            try {
                parser.parse(in, name, sink);
                sink.send();
            } catch (Stopped e) {
                return;
            } catch (Throwable t) {
                parseError[0] = t;
            }
            try {
                sink.end();
            } catch (Stopped e) {
                // the writer gave up first; its error is the one reported
            }
        }, "mamori-parse");
        parsing.setDaemon(true);
        parsing.start();
        try {
            while (true) {
                List<Consumer<KnowledgeBaseWriter>> batch = queue.take();
                if (batch == END) break;
                for (Consumer<KnowledgeBaseWriter> record : batch) record.accept(writer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sink.stop(parsing);
            throw new IOException("import interrupted", e);
        } catch (RuntimeException | Error e) {
            sink.stop(parsing);
            throw e;
        }
        join(parsing);
        Throwable t = parseError[0];
        if (t == null) return;
        if (t instanceof FeedFormatException f) throw f;
        if (t instanceof IOException io) throw io;
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error err) throw err;
        throw new IOException(t);
    }

    private static void join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Thrown inside the parser's thread when the writer has given up. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Collects records in batches; the statements' JSON and hash are made here, on the parser's thread. */
    private static final class Sink implements FeedSink {
        private final BlockingQueue<List<Consumer<KnowledgeBaseWriter>>> queue;
        private List<Consumer<KnowledgeBaseWriter>> batch = new ArrayList<>(BATCH);
        private volatile boolean stopped;

        Sink(BlockingQueue<List<Consumer<KnowledgeBaseWriter>>> queue) {
            this.queue = queue;
        }

        @Override
        public void advisory(Advisory a) {
            KnowledgeBaseWriter.Prepared p = KnowledgeBaseWriter.prepare(a);
            add(w -> w.advisory(p));
        }

        @Override
        public void kev(KevEntry e) {
            add(w -> w.kev(e));
        }

        @Override
        public void epss(EpssScore s) {
            add(w -> w.epss(s));
        }

        @Override
        public void vex(VexStatement v) {
            add(w -> w.vex(v));
        }

        @Override
        public void meta(String key, String value) {
            add(w -> w.meta(key, value));
        }

        private void add(Consumer<KnowledgeBaseWriter> record) {
            batch.add(record);
            if (batch.size() >= BATCH) send();
        }

        void send() {
            if (batch.isEmpty()) return;
            put(batch);
            batch = new ArrayList<>(BATCH);
        }

        void end() {
            put(END);
        }

        private void put(List<Consumer<KnowledgeBaseWriter>> b) {
            try {
                while (!stopped) {
                    if (queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new Stopped();
        }

        /** The writer failed: the parser stops at its next record and its thread ends. */
        void stop(Thread parsing) {
            stopped = true;
            queue.clear();
            join(parsing);
        }
    }
}
