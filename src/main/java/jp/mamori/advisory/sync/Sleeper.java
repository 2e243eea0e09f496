package jp.mamori.advisory.sync;

import java.time.Duration;

/** Waits between requests and before retries; tests inject one that only records the waits. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = d -> {
        if (!d.isNegative() && !d.isZero()) Thread.sleep(d.toMillis());
    };

    void sleep(Duration duration) throws InterruptedException;
}
