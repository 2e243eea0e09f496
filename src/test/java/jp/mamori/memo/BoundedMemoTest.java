package jp.mamori.memo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedMemoTest {

    @Test
    void computesAValueOnceWhileItIsKept() {
        AtomicInteger calls = new AtomicInteger();
        BoundedMemo<String, Integer> length = new BoundedMemo<>(10, s -> {
            calls.incrementAndGet();
            return s.length();
        });
        assertThat(length.get("abc")).isEqualTo(3);
        assertThat(length.get("abc")).isEqualTo(3);
        assertThat(calls).hasValue(1);
    }

    @Test
    void neverKeepsMoreThanItsLimitWhateverItIsAsked() {
        BoundedMemo<Integer, Integer> twice = new BoundedMemo<>(100, i -> 2 * i);
        for (int i = 0; i < 10_000; i++) assertThat(twice.get(i)).isEqualTo(2 * i);
        assertThat(twice.size()).isBetween(1, 100);
    }

    @Test
    void noneIsAnEmptyOptionalAndNullIsRefused() {
        BoundedMemo<String, Optional<Integer>> number = new BoundedMemo<>(10, s -> s.matches("\\d+") ? Optional.of(Integer.parseInt(s)) : Optional.empty());
        assertThat(number.get("12")).contains(12);
        assertThat(number.get("x")).isEmpty();
        BoundedMemo<String, String> broken = new BoundedMemo<>(10, s -> null);
        assertThatThrownBy(() -> broken.get("a")).isInstanceOf(NullPointerException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> new BoundedMemo<String, String>(0, s -> s)).hasMessageContaining("limit");
    }
}
