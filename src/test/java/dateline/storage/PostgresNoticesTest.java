package dateline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.testing.Postgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the invalidation log tells every listening node of each committed entry at once, and a reader
 * finds an entry committed after a later one under a smaller id. Always on a real PostgreSQL server.
 */
class PostgresNoticesTest {
    private static final Instant AT = Instant.parse("2024-06-20T07:38:00Z");

    private String url;
    private Database database;
    private InvalidationLog log;

    @BeforeEach
    void open() {
        url = Postgres.freshDatabaseUrl();
        database = Database.open(url);
        log = new InvalidationLog(database);
    }

    @AfterEach
    void close() {
        database.close();
        Postgres.drop(url);
    }

    @Test
    void a_listening_node_hears_of_a_committed_entry_at_once_and_of_a_rolled_back_one_never() throws Exception {
        Semaphore heard = new Semaphore(0);
        try (AutoCloseable listening = log.whenAppended(heard::release)) {
            assertThat(heard.tryAcquire(5, TimeUnit.SECONDS)).as("reads once when it starts listening").isTrue();

            try {
                database.jdbi().useTransaction(h -> {
                    log.append(h, "a", List.of("article:1"), AT);
                    throw new IllegalStateException("the change fails");
                });
            } catch (IllegalStateException expected) {
                // undone, with its notification
            }
            assertThat(heard.tryAcquire(500, TimeUnit.MILLISECONDS)).as("nothing heard of a rollback").isFalse();

            long start = System.nanoTime();
            log.append("a", List.of("article:2"), AT);
            assertThat(heard.tryAcquire(1, TimeUnit.SECONDS)).isTrue();
            System.out.printf("heard of a commit after %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Test
    void a_listening_node_whose_connection_is_cut_listens_again_and_reads_what_it_missed() throws Exception {
        Semaphore heard = new Semaphore(0);
        try (AutoCloseable listening = log.whenAppended(heard::release)) {
            assertThat(heard.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

            int cut = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(pg_terminate_backend(pid)) "
                    + "FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'")
                    .mapTo(Integer.class).one());
            assertThat(cut).isEqualTo(1);

            // listening again, it reads once for what it may have missed, then hears new entries as before
            assertThat(heard.tryAcquire(10, TimeUnit.SECONDS)).as("reads after listening again").isTrue();
            log.append("a", List.of("article:3"), AT);
            assertThat(heard.tryAcquire(2, TimeUnit.SECONDS)).as("hears again").isTrue();
        }
    }

    @Test
    void an_entry_committed_after_a_later_one_under_a_smaller_id_is_still_read() throws Exception {
        InvalidationLog.Reader reader = log.reader("b");
        reader.startAtNewest();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch laterCommitted = new CountDownLatch(1);
        Thread slow = new Thread(() -> database.jdbi().useTransaction(h -> {
            log.append(h, "a", List.of("article:1"), AT); // takes the smaller id
            appended.countDown();
            await(laterCommitted);
        }));
        slow.start();
        assertThat(appended.await(5, TimeUnit.SECONDS)).isTrue();
        log.append("a", List.of("article:2"), AT);
        assertThat(reader.read()).extracting(InvalidationLog.Entry::tags).containsExactly(Set.of("article:2"));

        laterCommitted.countDown();
        slow.join(5_000);

        assertThat(reader.read()).extracting(InvalidationLog.Entry::tags).containsExactly(Set.of("article:1"));
        assertThat(reader.read()).isEmpty();
        assertThat(reader.skipped()).isZero();
    }

    @Test
    void closing_stops_listening_promptly() throws Exception {
        AutoCloseable listening = log.whenAppended(() -> {});
        Thread.sleep(300);
        long start = System.nanoTime();
        listening.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3); // the server ends the session on its own time
        while (listeners() > 0 && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(listeners()).as("listening connections left").isZero();
    }

    private int listeners() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND query LIKE 'LISTEN%'").mapTo(Integer.class).one());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
