package dateline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.search.SearchService;
import dateline.testing.Postgres;
import dateline.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table copier on its own; the whole move of a site, with its pages served, is in {@code MigrateDbCommandTest}. */
class DatabaseCopyTest {
    private static final DatabaseCopy.Progress QUIET = new DatabaseCopy.Progress() {};

    private TestSite source;

    @BeforeEach
    void open() {
        source = TestSite.servicesOnSqlite();
        source.anAuthor("Ana Lima");
        source.articles().anArticle().headline("Ferry timetable changes").by(source.anAuthor("Bo Berg"))
                .publishedAt(TestSite.START);
    }

    @AfterEach
    void close() {
        source.close();
    }

    @Test
    void a_source_migrated_by_a_newer_program_is_refused_before_anything_is_written(@TempDir Path target) {
        source.wiring().database().jdbi().useHandle(h -> h.execute("INSERT INTO flyway_schema_history (installed_rank, "
                + "version, description, type, script, checksum, installed_by, execution_time, success) VALUES "
                + "(999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'dateline', 1, 1)"));

        try (Database copy = Database.openSqlite(target)) {
            assertThatThrownBy(() -> DatabaseCopy.copy(source.wiring().database(), copy, SearchService::holdsIndex, QUIET))
                    .isInstanceOf(DatabaseCopy.Refused.class)
                    .hasMessageContaining("source database was migrated by a newer Dateline (schema version 999)");
            assertThat(DatabaseCopy.checksums(copy, SearchService::holdsIndex).values())
                    .allSatisfy(check -> assertThat(check.rows()).isZero());
        }
    }

    @Test
    void a_source_that_changes_during_the_copy_fails_the_verification_naming_the_table(@TempDir Path target) {
        DatabaseCopy.Progress meddling = new DatabaseCopy.Progress() {
            @Override
            public void copied(String table, long rows) {
                if (table.equals("accounts")) source.anAuthor("Cy Late");
            }
        };

        try (Database copy = Database.openSqlite(target)) {
            assertThatThrownBy(() -> DatabaseCopy.copy(source.wiring().database(), copy, SearchService::holdsIndex, meddling))
                    .isInstanceOfSatisfying(DatabaseCopy.Mismatch.class, e -> assertThat(e.table()).isEqualTo("accounts"))
                    .hasMessageContaining("3 rows").hasMessageContaining("2 rows");
        }
    }

    @Test
    void rows_keyed_by_text_are_checked_in_the_same_order_on_both_databases() {
        // PostgreSQL sorts text by its collation ("apple" before "Zebra"), SQLite by bytes ("Zebra" first)
        for (String path : List.of("/apple", "/Zebra", "/Ärger", "/zoo", "/_under")) {
            source.wiring().database().jdbi().useHandle(h -> h.execute("INSERT INTO import_redirects (path, kind, "
                    + "dateline_id) VALUES (?, 'article', 1)", path));
        }
        String url = Postgres.freshDatabaseUrl();
        try (Database copy = Database.open(url)) {
            // as on a server whose databases take a language's collation (the tests' server takes C, byte order)
            copy.jdbi().useHandle(h -> h.execute("ALTER TABLE import_redirects ALTER COLUMN path TYPE TEXT "
                    + "COLLATE \"und-x-icu\""));
            DatabaseCopy.Report report = DatabaseCopy.copy(source.wiring().database(), copy, SearchService::holdsIndex, QUIET);

            Map<String, DatabaseCopy.TableCheck> checks = DatabaseCopy.checksums(copy, SearchService::holdsIndex);
            assertThat(checks.get("import_redirects").rows()).isEqualTo(5);
            assertThat(report.tables()).contains(checks.get("import_redirects"), checks.get("articles"));
        } finally {
            Postgres.drop(url);
        }
    }

    @Test
    void the_copy_refuses_a_target_holding_any_row_and_names_the_tables(@TempDir Path target) {
        try (Database copy = Database.openSqlite(target)) {
            copy.jdbi().useHandle(h -> h.execute("INSERT INTO settings (name, value) VALUES ('title', 'Kept')"));

            assertThatThrownBy(() -> DatabaseCopy.copy(source.wiring().database(), copy, SearchService::holdsIndex, QUIET))
                    .isInstanceOf(DatabaseCopy.Refused.class)
                    .hasMessageContaining("already holds a site (rows in settings)");
            assertThat(DatabaseCopy.checksums(copy, SearchService::holdsIndex).get("settings").rows()).isEqualTo(1);
        }
    }
}
