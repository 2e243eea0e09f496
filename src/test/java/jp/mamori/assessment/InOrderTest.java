package jp.mamori.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ordered map under parallel assessment (ADR 0026): order, every element once, and which failure is reported. */
class InOrderTest {

    private static final List<Integer> THOUSAND = IntStream.range(0, 1000).boxed().toList();

    @Test
    void resultsAreInTheListsOrderWhateverThreadComputedThem() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<String> out = InOrder.map(THOUSAND, i -> {
            threads.add(Thread.currentThread().getName());
            return "v" + i + ":" + work(i);
        }, String::valueOf, 1, null);
        assertThat(out).isEqualTo(THOUSAND.stream().map(i -> "v" + i + ":" + work(i)).toList());
        assertThat(threads).as("the caller takes part (a busy pool never leaves it waiting)").contains(Thread.currentThread().getName());
    }

    @Test
    void withoutHelpersEverythingRunsOnTheCallingThreadInOrder() {
        List<Integer> seen = new java.util.ArrayList<>();
        String caller = Thread.currentThread().getName();
        InOrder.map(THOUSAND, i -> {
            assertThat(Thread.currentThread().getName()).isEqualTo(caller);
            seen.add(i);
            return i;
        }, String::valueOf, 0, null);
        assertThat(seen).isEqualTo(THOUSAND);
    }

    @Test
    void emptyAndTinyLists() {
        assertThat(InOrder.map(List.<Integer>of(), i -> i, String::valueOf, 1, null)).isEmpty();
        assertThat(InOrder.map(List.of(7), i -> i * 2, String::valueOf, 1, null)).containsExactly(14);
    }

    @Test
    void theFirstFailingElementInListOrderIsNamedWithItsCause() {
        // 40 is in the second chunk, 900 near the end: a helper may reach 900 first; 40 is still the one reported.
        for (int helpers : new int[] {0, 1, 3}) {
            assertThatThrownBy(() -> InOrder.map(THOUSAND, i -> {
                if (i == 40 || i == 900) throw new IllegalStateException("broken element " + i);
                return work(i);
            }, i -> "component c" + i, helpers, null))
                    .as("with %d helpers", helpers)
                    .isInstanceOfSatisfying(AssessmentFailedException.class, e -> {
                        assertThat(e.element()).isEqualTo("component c40");
                        assertThat(e.getMessage()).contains("component c40").contains("broken element 40");
                        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("broken element 40");
                    });
        }
    }

    @Test
    void anErrorIsThrownAsItIs() {
        assertThatThrownBy(() -> InOrder.map(THOUSAND, i -> {
            if (i == 500) throw new AssertionError("error in element 500");
            return i;
        }, String::valueOf, 1, null)).isInstanceOf(AssertionError.class).hasMessage("error in element 500");
    }

    @Test
    void readyGetsEveryResultInOrderOnTheCallingThreadWhileHelpersWork() {
        String caller = Thread.currentThread().getName();
        List<String> given = new java.util.ArrayList<>();
        List<String> out = InOrder.map(THOUSAND, i -> "v" + i + ":" + work(i), String::valueOf, 1, r -> {
            assertThat(Thread.currentThread().getName()).as("ready runs on the caller's thread (a unit of work is bound to it)").isEqualTo(caller);
            given.add(r);
        });
        assertThat(given).as("every result once, in list order").isEqualTo(out);
        assertThat(out).isEqualTo(THOUSAND.stream().map(i -> "v" + i + ":" + work(i)).toList());
    }

    @Test
    void whenReadyFailsItsExceptionIsThrownAsItIs() {
        IllegalStateException dbDown = new IllegalStateException("cannot read the knowledge base");
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        assertThatThrownBy(() -> InOrder.map(THOUSAND, InOrderTest::work, String::valueOf, 1, r -> {
            if (calls.incrementAndGet() == 100) throw dbDown;
        })).isSameAs(dbDown);
        assertThat(calls.get()).as("nothing more is given after the failure").isEqualTo(100);
    }

    @Test
    void aFailingElementStopsReadyBeforeIt() {
        List<Integer> given = new java.util.ArrayList<>();
        assertThatThrownBy(() -> InOrder.map(THOUSAND, i -> {
            if (i == 333) throw new IllegalStateException("broken element 333");
            return i;
        }, i -> "c" + i, 1, given::add)).isInstanceOfSatisfying(AssessmentFailedException.class, e -> assertThat(e.element()).isEqualTo("c333"));
        assertThat(given).as("only results before the failing element's chunk").allMatch(i -> i < 333);
    }

    /** Some elements cost far more than others, as a CPE component does beside a package. */
    private static long work(int i) {
        long x = i;
        for (int k = 0; k < (i % 7 == 0 ? 20_000 : 100); k++) x = x * 6364136223846793005L + 1442695040888963407L;
        return x;
    }
}
