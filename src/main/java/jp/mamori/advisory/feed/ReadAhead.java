package jp.mamori.advisory.feed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Reads the elements of one streamed array on a helper thread while the caller's thread maps the
 * records read so far and hands them to the sink. Tokenizing and building the trees is most of
 * the cost of a record; overlapping it with mapping and the importer's writes is what keeps an
 * NVD-scale import close to the speed of merely scanning the bytes on a two-core server.
 *
 * <p>The sink is still only ever called on the caller's thread (importers keep their transaction
 * there), in document order. Memory stays bounded: records travel in small batches through a
 * short queue, and the records in flight may hold at most {@code maxRecordTokens} tokens between
 * them (one record larger than that is already refused by {@link TreeReader}). The parser is used
 * by the helper thread only between {@link #start()} and the end of {@link #close()}.
 */
final class ReadAhead implements AutoCloseable {
    private static final int BATCH_RECORDS = 64;
    private static final int QUEUED_BATCHES = 4;

    /** One element of the array. */
    record Item(JsonRecord record, long tokens) { }

    /** A run of elements; {@code last} marks the end of the array, {@code failure} a read error. */
    private record Batch(List<Item> items, long tokens, boolean last, Throwable failure) { }

    private final JsonParser parser;
    private final String file;
    private final String base;
    private final long maxRecordTokens;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Semaphore tokensInFlight;
    private final Thread thread;
    private volatile boolean cancelled;
    private Batch current;
    private int next;
    private boolean finished;

    ReadAhead(JsonParser parser, String file, String base, long maxRecordTokens) {
        this.parser = parser;
        this.file = file;
        this.base = base;
        this.maxRecordTokens = maxRecordTokens;
        this.tokensInFlight = new Semaphore((int) Math.min(Integer.MAX_VALUE, maxRecordTokens));
        this.thread = new Thread(this::produce, "feed-read-ahead " + file);
        this.thread.setDaemon(true);
    }

    /**
     * Whether to read ahead: when the machine has a core to spare, unless the system property
     * {@code mamori.feeds.readAhead} is {@code false} (for comparing, or a one-core appliance).
     */
    static boolean worthwhile() {
        return Runtime.getRuntime().availableProcessors() > 1
                && !"false".equalsIgnoreCase(System.getProperty("mamori.feeds.readAhead"));
    }

    void start() { thread.start(); }

    /**
     * The next element, or null at the end of the array. A read error of the helper thread is
     * rethrown here, after the elements that preceded it.
     */
    Item next() throws IOException, InterruptedException {
        while (true) {
            if (current != null && next < current.items.size()) return current.items.get(next++);
            if (current != null) {
                Batch done = current;
                current = null;
                tokensInFlight.release((int) Math.min(done.tokens, maxRecordTokens));
                if (done.failure != null) {
                    finished = true;
                    throw rethrow(done.failure);
                }
                if (done.last) finished = true;
            }
            if (finished) return null;
            current = queue.take();
            next = 0;
        }
    }

    private static IOException rethrow(Throwable f) {
        if (f instanceof IOException io) return io;
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error err) throw err;
        return new IOException(f);
    }

    /** Stops the helper thread and waits for it, so that the caller may use the parser again. */
    @Override
    public void close() {
        cancelled = true;
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void produce() {
        TreeReader trees = new TreeReader(maxRecordTokens);
        List<Item> items = new ArrayList<>(BATCH_RECORDS);
        long batchTokens = 0;
        int index = 0;
        try {
            while (!cancelled) {
                JsonToken t = parser.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    hand(new Batch(items, batchTokens, true, null), batchTokens);
                    return;
                }
                JsonLocation start = parser.currentTokenLocation();
                trees.reset();
                JsonNode node = trees.read(parser);
                items.add(new Item(new JsonRecord(node, file, base + "/" + index, start), trees.used()));
                batchTokens += trees.used();
                index++;
                if (items.size() == BATCH_RECORDS || batchTokens >= maxRecordTokens / 8) {
                    hand(new Batch(items, batchTokens, false, null), batchTokens);
                    items = new ArrayList<>(BATCH_RECORDS);
                    batchTokens = 0;
                }
            }
        } catch (InterruptedException e) {
            // cancelled by close(): the caller is no longer reading
        } catch (Throwable e) {
            try {
                hand(new Batch(items, batchTokens, false, e), batchTokens);
            } catch (InterruptedException ignored) {
                // cancelled while reporting: nobody is listening any more
            }
        }
    }

    private void hand(Batch batch, long tokens) throws InterruptedException {
        tokensInFlight.acquire((int) Math.min(tokens, maxRecordTokens));
        queue.put(batch);
    }
}
