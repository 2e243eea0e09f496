package jp.mamori.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * A pure function applied to every element of a list on every core, the results in the list's order,
 * so that a run on several threads gives exactly what a run in order gives (ADR 0026).
 *
 * <p>Elements are taken in small chunks, in order, by the calling thread and by helpers in the common
 * pool: a helper that starts late (the pool is busy in a server) finds less or nothing left, and the
 * caller never waits for a helper to start, only for chunks already taken. When the function fails on
 * an element, no chunk after it is started, those before it run to their end, and the failure of the
 * first element in list order is thrown — the element a run in order would have failed on — naming it.
 */
final class InOrder {

    /** Small enough that two threads end together on a list whose elements cost very differently. */
    static final int CHUNK = 32;

    private InOrder() { }

    /**
     * @param label what an element is, for the error when {@code f} fails on it ("component X (name)")
     * @throws AssessmentFailedException when {@code f} throws a runtime exception (its cause); an error is thrown as it is
     */
    static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f, Function<? super T, String> label) {
        return map(items, f, label, defaultHelpers(), null);
    }

    /**
     * As above, and {@code ready} is given every result in list order, on the calling thread, as soon
     * as it and every result before it are done, while the helpers go on: work that must stay on the
     * calling thread (reading the database inside a unit of work) overlaps theirs. When {@code ready}
     * throws, no further chunk starts and its exception is thrown as it is, once the chunks taken are done.
     */
    static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f, Function<? super T, String> label,
                              Ready<? super R> ready) {
        return map(items, f, label, defaultHelpers(), ready);
    }

    /** What the calling thread does with each result in order (see {@link #map(List, Function, Function, Ready)}). */
    @FunctionalInterface
    interface Ready<R> {
        void accept(R result);
    }

    private static int defaultHelpers() {
        return Math.max(0, Math.min(ForkJoinPool.getCommonPoolParallelism(), Runtime.getRuntime().availableProcessors() - 1));
    }

    /** With a given number of helper threads (0: all on the calling thread, in order); {@code ready} may be null. */
    static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f, Function<? super T, String> label, int helpers,
                              Ready<? super R> ready) {
        int n = items.size();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        int chunks = (n + CHUNK - 1) / CHUNK;
        AtomicInteger next = new AtomicInteger();
        // The first chunk that failed: a chunk after it is not started, one before it still runs to the end.
        AtomicInteger failedChunk = new AtomicInteger(Integer.MAX_VALUE);
        // Per chunk: 0 not done, 1 done, 2 failed. Written after the chunk's results (a volatile write), so
        // that reading it on the calling thread makes them visible there.
        AtomicIntegerArray state = new AtomicIntegerArray(chunks);
        CountDownLatch done = new CountDownLatch(chunks);
        IntConsumer chunk = c -> {
            boolean ok = true;
            try {
                if (c > failedChunk.get()) {
                    ok = false;
                    return;
                }
                for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                    try {
                        results[i] = f.apply(items.get(i));
                    } catch (RuntimeException | Error e) {
                        failures[i] = e;
                        failedChunk.accumulateAndGet(c, Math::min);
                        ok = false;
                        break;
                    }
                }
            } finally {
                state.set(c, ok ? 1 : 2);
                done.countDown();
            }
        };
        Runnable helper = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) chunk.accept(c);
        };
        for (int h = 0; h < Math.min(helpers, chunks - 1); h++) ForkJoinPool.commonPool().execute(helper);
        int given = 0; // chunks whose results went to ready
        RuntimeException readyFailed = null;
        for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
            chunk.accept(c);
            if (ready != null && readyFailed == null) {
                try {
                    given = give(results, state, given, chunks, n, ready);
                } catch (RuntimeException e) {
                    readyFailed = e;
                    failedChunk.set(-1); // nothing more starts
                }
            }
        }
        awaitUninterruptibly(done);
        if (readyFailed != null) throw readyFailed;
        // The latch orders every helper's writes before these reads.
        for (int i = 0; i < n; i++) {
            Throwable t = failures[i];
            if (t instanceof Error e) throw e;
            if (t != null) throw new AssessmentFailedException(label.apply(items.get(i)), (RuntimeException) t);
        }
        if (ready != null) give(results, state, given, chunks, n, ready);
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) Collections.unmodifiableList(new ArrayList<>(Arrays.asList(results)));
        return out;
    }

    /** Hands the results of the chunks done since {@code given}, in order, up to the first not done; returns the new count. */
    @SuppressWarnings("unchecked")
    private static <R> int give(Object[] results, AtomicIntegerArray state, int given, int chunks, int n, Ready<? super R> ready) {
        while (given < chunks && state.get(given) == 1) {
            for (int i = given * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) ready.accept((R) results[i]);
            given++;
        }
        return given;
    }

    /** Only the chunks already taken are waited for (one chunk's work at most); an interrupt is kept for the caller. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
