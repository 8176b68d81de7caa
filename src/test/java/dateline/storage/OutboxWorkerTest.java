package dateline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.mail.Mail;
import dateline.testing.TestSite;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Stopping an outbox's worker, as a node does when it stops: what it claimed, another node may deliver at once. */
class OutboxWorkerTest {
    /** The mail outbox, worked here by couriers of the test's own. */
    private static final OutboxTable TABLE = new OutboxTable("mail_outbox", "sent_at", null);
    /** Longer than any test: a claim that is not given up keeps the item from every other node. */
    private static final OutboxWorker.Policy POLICY = new OutboxWorker.Policy("test-outbox", Duration.ofMinutes(1),
            Duration.ofMinutes(30), List.of(Duration.ofMinutes(1)));

    /** A courier that hands over every item, or fails as an outcome could fail to be recorded (the database gone). */
    private static OutboxWorker.Courier<Long> courier(boolean recordable, CountDownLatch attempted) {
        return new OutboxWorker.Courier<>() {
            @Override
            public Optional<Long> claimed(Handle h, long id) {
                return Optional.of(id);
            }

            @Override
            public int attempts(Long item) {
                return 0;
            }

            @Override
            public String named(Long item) {
                return "test item " + item;
            }

            @Override
            public OutboxWorker.Attempt deliver(Long item) {
                attempted.countDown();
                if (!recordable) throw new IllegalStateException("the outcome could not be recorded (expected in this test)");
                return OutboxWorker.Attempt.delivered(null);
            }
        };
    }

    private static boolean claimed(Jdbi jdbi, long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT claimed_until FROM mail_outbox WHERE id = :id").bind("id", id)
                .mapTo(Long.class).findOne()).isPresent();
    }

    @Test
    void a_claim_whose_outcome_was_not_recorded_is_given_up_when_the_worker_stops() throws Exception {
        try (TestSite site = TestSite.services()) {
            Jdbi jdbi = site.wiring().database().jdbi();
            long id = site.wiring().mail().enqueue(new Mail("reader@example.net", "Your comment", "Thank you."));
            CountDownLatch attempted = new CountDownLatch(1);
            OutboxWorker<Long> nodeA = new OutboxWorker<>(jdbi, TABLE, POLICY,
                    () -> Optional.of(courier(false, attempted)), site.clock(), "node-a").start();
            assertThat(attempted.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100); // the failed pass ends
            assertThat(claimed(jdbi, id)).as("node A holds the claim").isTrue();

            nodeA.close();

            assertThat(claimed(jdbi, id)).as("given up as node A stopped").isFalse();
            OutboxWorker<Long> nodeB = new OutboxWorker<>(jdbi, TABLE, POLICY,
                    () -> Optional.of(courier(true, new CountDownLatch(1))), site.clock(), "node-b");
            assertThat(nodeB.deliverDue()).as("node B delivers it at once, not when the claim would have run out")
                    .isEqualTo(1);
        }
    }
}
