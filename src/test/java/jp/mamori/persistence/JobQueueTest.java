package jp.mamori.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The job table: one node per job, leases that expire, results fenced by the lease owner (H2 and PostgreSQL). */
class JobQueueTest {

    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-03T00:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
        void advance(Duration d) { now = now.plus(d); }
    }

    private static final Set<String> KINDS = Set.of("feeds.import", "remediation.daily-run");
    private static final Duration LEASE = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void oneOccurrenceIsOneJobWhoeverAsks(Kind kind) {
        MovableClock clock = new MovableClock();
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            JobQueue q = new JobQueue(db.dataSource(), clock);
            JobQueue.Enqueued a = q.enqueue("remediation.daily-run", "remediation.daily-run:2026-12-03", null, "scheduler@a", null, 3);
            JobQueue.Enqueued b = q.enqueue("remediation.daily-run", "remediation.daily-run:2026-12-03", null, "scheduler@b", null, 3);
            assertThat(a.created()).isTrue();
            assertThat(b.created()).isFalse();
            assertThat(b.job().id()).isEqualTo(a.job().id());
            assertThat(q.list(null, 10)).hasSize(1);
            assertThatThrownBy(() -> q.enqueue("Bad Kind; DROP", null, null, "x", null, 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void concurrentNodesTakeEachJobOnce(Kind kind) throws Exception {
        MovableClock clock = new MovableClock();
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            JobQueue q = new JobQueue(db.dataSource(), clock);
            for (int i = 0; i < 20; i++) q.enqueue("feeds.import", null, "n=" + i, "test", null, 3);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Long> taken = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> fs = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                String node = "node-" + n;
                fs.add(pool.submit(() -> {
                    go.await();
                    Optional<JobQueue.Job> j;
                    while ((j = q.claim(node, LEASE, KINDS)).isPresent()) {
                        taken.add(j.get().id());
                        assertThat(q.complete(j.get().id(), node, "ok")).isTrue();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : fs) f.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            assertThat(taken).hasSize(20).doesNotHaveDuplicates();
            assertThat(q.list(JobQueue.DONE, 100)).hasSize(20);
            assertThat(q.list(null, 100)).allSatisfy(j -> assertThat(j.attempts()).isEqualTo(1));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDeadNodesLeaseRunsOutAndAnotherNodeFinishesTheJob(Kind kind) {
        MovableClock clock = new MovableClock();
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            JobQueue q = new JobQueue(db.dataSource(), clock);
            long id = q.enqueue("feeds.import", null, null, "test", null, 3).job().id();
            assertThat(q.claim("a", LEASE, KINDS)).get().extracting(JobQueue.Job::leaseOwner).isEqualTo("a");
            // while a holds (and renews) the lease, nobody else gets the job
            clock.advance(Duration.ofSeconds(20));
            assertThat(q.renew(id, "a", LEASE)).isTrue();
            clock.advance(Duration.ofSeconds(20));
            assertThat(q.claim("b", LEASE, KINDS)).isEmpty();
            // a dies: no more renewals; after the lease b takes it
            clock.advance(Duration.ofSeconds(31));
            JobQueue.Job again = q.claim("b", LEASE, KINDS).orElseThrow();
            assertThat(again.id()).isEqualTo(id);
            assertThat(again.attempts()).isEqualTo(2);
            assertThat(again.lastError()).contains("taken over by b");
            // a comes back late: its result is refused, b's stands
            assertThat(q.renew(id, "a", LEASE)).isFalse();
            assertThat(q.complete(id, "a", "from a")).isFalse();
            assertThat(q.complete(id, "b", "from b")).isTrue();
            JobQueue.Job done = q.find(id).orElseThrow();
            assertThat(done.state()).isEqualTo(JobQueue.DONE);
            assertThat(done.result()).isEqualTo("from b");
            assertThat(done.leaseOwner()).isEqualTo("b");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailingJobIsRetriedThenFailed(Kind kind) {
        MovableClock clock = new MovableClock();
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            JobQueue q = new JobQueue(db.dataSource(), clock);
            long id = q.enqueue("feeds.import", null, null, "test", null, 2).job().id();
            q.claim("a", LEASE, KINDS).orElseThrow();
            assertThat(q.fail(id, "a", "boom 1", Duration.ofSeconds(30))).isTrue();
            assertThat(q.find(id).orElseThrow().state()).isEqualTo(JobQueue.QUEUED);
            assertThat(q.claim("a", LEASE, KINDS)).as("not before run_after").isEmpty();
            clock.advance(Duration.ofSeconds(31));
            q.claim("b", LEASE, KINDS).orElseThrow();
            assertThat(q.fail(id, "b", "boom 2", Duration.ofSeconds(30))).isTrue();
            JobQueue.Job failed = q.find(id).orElseThrow();
            assertThat(failed.state()).isEqualTo(JobQueue.FAILED);
            assertThat(failed.lastError()).isEqualTo("boom 2");
            assertThat(failed.finishedAt()).isNotNull();
            clock.advance(Duration.ofMinutes(5));
            assertThat(q.claim("c", LEASE, KINDS)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void nodesHeartbeat(Kind kind) {
        MovableClock clock = new MovableClock();
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            JobQueue q = new JobQueue(db.dataSource(), clock);
            q.heartbeat("a", "host-a", clock.instant());
            clock.advance(Duration.ofSeconds(5));
            q.heartbeat("a", "host-a", clock.instant().minusSeconds(5));
            q.heartbeat("b", "host-b", clock.instant());
            assertThat(q.nodes()).extracting(JobQueue.Node::nodeId).containsExactly("a", "b");
            assertThat(q.nodes().get(0).heartbeatAt()).isEqualTo(clock.instant());
            q.leave("a");
            assertThat(q.nodes()).extracting(JobQueue.Node::nodeId).containsExactly("b");
        }
    }
}
