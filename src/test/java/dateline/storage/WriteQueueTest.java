package dateline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.testing.TestSite;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Write transactions share commits through the one writer, yet each is stored or undone on its own. */
class WriteQueueTest {
    private TestSite site;
    private Jdbi jdbi;

    @BeforeEach
    void open() {
        site = TestSite.services();
        jdbi = site.wiring().database().jdbi();
        jdbi.useHandle(h -> h.execute("CREATE TABLE notes (text TEXT NOT NULL)"));
    }

    @AfterEach
    void close() {
        site.close();
    }

    private int note(String text) {
        return WriteQueue.inTransaction(jdbi, h -> h.createUpdate("INSERT INTO notes (text) VALUES (:t)")
                .bind("t", text).execute());
    }

    private List<String> notes() {
        return jdbi.withHandle(h -> h.createQuery("SELECT text FROM notes ORDER BY text").mapTo(String.class).list());
    }

    @Test
    void a_work_that_fails_is_undone_alone_and_its_caller_gets_its_exception() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch together = new CountDownLatch(1);
        List<Future<?>> writes = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                int n = i;
                writes.add(pool.submit(() -> {
                    together.await();
                    if (n % 4 != 0) return note("kept " + n);
                    return WriteQueue.inTransaction(jdbi, h -> {
                        h.createUpdate("INSERT INTO notes (text) VALUES (:t)").bind("t", "undone " + n).execute();
                        throw new IllegalArgumentException("refused " + n);
                    });
                }));
            }
            together.countDown();
            int refused = 0;
            for (Future<?> write : writes) {
                try {
                    write.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("refused");
                    refused++;
                }
            }
            assertThat(refused).isEqualTo(16);
        } finally {
            pool.shutdownNow();
        }
        assertThat(notes()).hasSize(48).allMatch(text -> text.startsWith("kept"));
    }

    @Test
    void a_transaction_started_inside_another_joins_it_and_can_be_undone_alone() {
        WriteQueue.useTransaction(jdbi, outer -> {
            outer.execute("INSERT INTO notes (text) VALUES ('outer')");
            note("inner kept");
            assertThatThrownBy(() -> WriteQueue.useTransaction(jdbi, inner -> {
                inner.execute("INSERT INTO notes (text) VALUES ('inner undone')");
                throw new IllegalStateException("no");
            })).isInstanceOf(IllegalStateException.class);
        });
        assertThat(notes()).containsExactly("inner kept", "outer");
    }

    @Test
    void an_answer_comes_only_once_its_work_is_committed() {
        note("first");
        // read on another connection, right after the answer: the write is there
        assertThat(notes()).containsExactly("first");
    }

    @Test
    void a_work_that_reads_through_the_database_while_it_writes_sees_what_it_wrote() {
        List<String> seen = WriteQueue.inTransaction(jdbi, h -> {
            h.execute("INSERT INTO notes (text) VALUES ('not yet committed')");
            return notes(); // a read as a repository makes it, through jdbi rather than the handle
        });
        assertThat(seen).containsExactly("not yet committed");
    }

    /** The statements a work ran, in order, as the driver gave them. */
    private static final class Seen implements StatementCustomizer {
        final List<PreparedStatement> statements = new ArrayList<>();

        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext ctx) {
            statements.add(statement);
        }
    }

    @Test
    void the_same_sql_run_again_in_one_write_is_prepared_once_and_gets_its_new_values() {
        Seen seen = new Seen();
        WriteQueue.useTransaction(jdbi, h -> {
            for (String text : List.of("one", "two", "three")) {
                h.createUpdate("INSERT INTO notes (text) VALUES (:t)").bind("t", text).addCustomizer(seen).execute();
            }
        });
        assertThat(notes()).containsExactly("one", "three", "two");
        if (site.wiring().database().dialect() == Dialect.SQLITE) {
            assertThat(seen.statements).hasSize(3).allMatch(s -> s == seen.statements.get(0));
        }
    }

    @Test
    void a_query_run_again_while_its_rows_are_read_gets_a_statement_of_its_own() {
        note("a");
        note("b");
        Seen seen = new Seen();
        List<String> pairs = WriteQueue.inTransaction(jdbi, h -> {
            String sql = "SELECT text FROM notes WHERE text >= :from ORDER BY text";
            List<String> found = new ArrayList<>();
            try (var outer = h.createQuery(sql).bind("from", "a").addCustomizer(seen).mapTo(String.class).stream()) {
                outer.forEach(first -> h.createQuery(sql).bind("from", first).addCustomizer(seen).mapTo(String.class)
                        .forEach(second -> found.add(first + second)));
            }
            return found;
        });
        assertThat(pairs).containsExactly("aa", "ab", "bb");
        assertThat(seen.statements.get(1)).isNotSameAs(seen.statements.get(0));
    }

    @Test
    void a_statement_that_failed_is_prepared_again_for_the_next_run() {
        jdbi.useHandle(h -> h.execute("CREATE UNIQUE INDEX notes_once ON notes (text)"));
        List<String> outcomes = WriteQueue.inTransaction(jdbi, h -> {
            List<String> done = new ArrayList<>();
            for (String text : List.of("same", "same", "other")) {
                try {
                    WriteQueue.inTransaction(jdbi, inner -> inner.createUpdate("INSERT INTO notes (text) VALUES (:t)")
                            .bind("t", text).execute());
                    done.add("stored " + text);
                } catch (RuntimeException e) {
                    done.add("refused " + text);
                }
            }
            return done;
        });
        assertThat(outcomes).containsExactly("stored same", "refused same", "stored other");
        assertThat(notes()).containsExactly("other", "same");
    }
}
