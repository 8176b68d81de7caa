package dateline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.testing.TestSite;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bucket changes decided before a transaction and written in it: stored exactly when it commits, each bucket
 * read once, and still a compare-and-swap, so that two tasks taking the last token of one bucket at once
 * cannot both keep it.
 */
class BucketChangesTest {
    private static final BucketConfiguration ONE_A_MINUTE = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(1).refillIntervally(1, Duration.ofMinutes(1)))
            .build();

    private TestSite site;
    private Jdbi jdbi;
    private DatabaseBuckets buckets;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        site = TestSite.services();
        jdbi = site.wiring().database().jdbi();
        buckets = new DatabaseBuckets(jdbi, site.clock());
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });
    }

    @AfterEach
    void close() {
        site.close();
    }

    /** Takes one token from the bucket in a new set of changes; answers the changes, not yet written. */
    private BucketChanges taking(String key) {
        BucketChanges changes = buckets.changes();
        assertThat(changes.bucket(key, () -> ONE_A_MINUTE).tryConsume(1)).as("a token in " + key).isTrue();
        return changes;
    }

    private void write(BucketChanges changes) {
        WriteQueue.useTransaction(jdbi, changes::write);
    }

    /** Whether the stored bucket has a token, read without changing anything. */
    private boolean available(String key) {
        return buckets.changes().bucket(key, () -> ONE_A_MINUTE).getAvailableTokens() > 0;
    }

    @Test
    void a_change_is_stored_with_the_transaction_that_writes_it_and_not_before() {
        BucketChanges changes = taking("reader:ana");
        assertThat(buckets.stateOf("reader:ana")).as("decided, not written").isEmpty();

        write(changes);

        assertThat(available("reader:ana")).isFalse();
    }

    @Test
    void a_change_undone_with_its_transaction_leaves_the_bucket_as_it_was() {
        BucketChanges changes = taking("reader:ana");
        assertThatThrownBy(() -> WriteQueue.useTransaction(jdbi, h -> {
            changes.write(h);
            throw new IllegalStateException("the comment could not be stored");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(available("reader:ana")).isTrue();
    }

    @Test
    void a_new_bucket_is_read_once_though_bucket4j_looks_for_it_twice() {
        statements.clear();
        write(taking("reader:ana"));
        assertThat(statements.stream().filter(s -> s.startsWith("SELECT state FROM rate_limits"))).hasSize(1);

        site.clock().advance(Duration.ofMinutes(2));
        statements.clear();
        write(taking("reader:ana"));
        assertThat(statements.stream().filter(s -> s.startsWith("SELECT state FROM rate_limits"))).hasSize(1);
        assertThat(statements.stream().filter(s -> s.startsWith("UPDATE rate_limits"))).hasSize(1);
    }

    @Test
    void of_two_tasks_taking_the_last_token_of_a_new_bucket_at_once_the_second_to_write_conflicts() {
        BucketChanges first = taking("reader:ana");
        BucketChanges second = taking("reader:ana");

        write(first);

        assertThatThrownBy(() -> write(second)).isInstanceOf(BucketChanges.Conflict.class);
        assertThat(available("reader:ana")).isFalse();
    }

    @Test
    void of_two_tasks_taking_the_last_token_of_a_stored_bucket_at_once_the_second_to_write_conflicts() {
        write(taking("reader:ana"));
        site.clock().advance(Duration.ofMinutes(2));
        BucketChanges first = taking("reader:ana");
        BucketChanges second = taking("reader:ana");

        write(first);

        assertThatThrownBy(() -> write(second)).isInstanceOf(BucketChanges.Conflict.class);
        // and judged again on the stored state, the second is refused
        assertThat(buckets.changes().bucket("reader:ana", () -> ONE_A_MINUTE).tryConsume(1)).isFalse();
    }

    @Test
    void a_second_token_taken_in_the_same_changes_sees_the_first() {
        BucketChanges changes = taking("reader:ana");
        assertThat(changes.bucket("reader:ana", () -> ONE_A_MINUTE).tryConsume(1)).isFalse();
        write(changes);
        assertThat(available("reader:ana")).isFalse();
    }
}
