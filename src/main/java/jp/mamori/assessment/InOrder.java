package jp.mamori.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

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
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), Runtime.getRuntime().availableProcessors() - 1);
        return map(items, f, label, Math.max(0, helpers));
    }

    /** As above with a given number of helper threads (0: all on the calling thread, in order). */
    static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f, Function<? super T, String> label, int helpers) {
        int n = items.size();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        int chunks = (n + CHUNK - 1) / CHUNK;
        AtomicInteger next = new AtomicInteger();
        // The first chunk that failed: a chunk after it is not started, one before it still runs to the end.
        AtomicInteger failedChunk = new AtomicInteger(Integer.MAX_VALUE);
        CountDownLatch done = new CountDownLatch(chunks);
        Runnable work = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    if (c > failedChunk.get()) continue;
                    for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                        try {
                            results[i] = f.apply(items.get(i));
                        } catch (RuntimeException | Error e) {
                            failures[i] = e;
                            failedChunk.accumulateAndGet(c, Math::min);
                            break;
                        }
                    }
                } finally {
                    done.countDown();
                }
            }
        };
        for (int h = 0; h < Math.min(helpers, chunks - 1); h++) ForkJoinPool.commonPool().execute(work);
        work.run();
        awaitUninterruptibly(done);
        // The latch orders every helper's writes before these reads.
        for (int i = 0; i < n; i++) {
            Throwable t = failures[i];
            if (t instanceof Error e) throw e;
            if (t != null) throw new AssessmentFailedException(label.apply(items.get(i)), (RuntimeException) t);
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) Collections.unmodifiableList(new ArrayList<>(Arrays.asList(results)));
        return out;
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
