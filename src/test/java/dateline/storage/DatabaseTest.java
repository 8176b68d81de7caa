package dateline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dateline.testing.Postgres;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a database migrates it to the newest schema, and a database already there is opened without Flyway,
 * on SQLite and (in the PostgreSQL run) on PostgreSQL.
 */
class DatabaseTest {
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

    @TempDir
    Path folder;
    private String url;

    @BeforeEach
    void create() {
        url = Postgres.chosen() ? Postgres.freshDatabaseUrl() : "jdbc:sqlite:" + folder.resolve("dateline.db");
    }

    @AfterEach
    void drop() {
        if (Postgres.chosen()) Postgres.drop(url);
    }

    @Test
    void the_newest_migration_known_is_the_newest_in_the_migration_folders() throws IOException, URISyntaxException {
        int newest = 0;
        for (String dialect : new String[] {"common", "sqlite", "postgresql"}) {
            Path migrations = Path.of(Database.class.getResource("/db/migration/" + dialect).toURI());
            try (Stream<Path> files = Files.list(migrations)) {
                for (Path file : files.toList()) {
                    Matcher version = MIGRATION.matcher(file.getFileName().toString());
                    if (version.matches()) newest = Math.max(newest, Integer.parseInt(version.group(1)));
                }
            }
        }
        assertThat(Database.NEWEST_MIGRATION).as("raise Database.NEWEST_MIGRATION with each new migration")
                .isEqualTo(newest);
    }

    @Test
    void a_new_database_is_migrated_to_the_newest_version() {
        try (Database database = Database.open(url)) {
            assertThat(database.isMigrated()).isTrue();
            assertThat(versions(database)).contains(Integer.toString(Database.NEWEST_MIGRATION));
        }
    }

    @Test
    void a_database_of_an_older_version_gets_the_migrations_it_lacks_when_opened() {
        try (HikariDataSource older = dataSource()) {
            Database.flywayConfiguration(older, Dialect.ofJdbcUrl(url))
                    .target(Integer.toString(Database.NEWEST_MIGRATION - 1)).load().migrate();
            assertThat(Database.hasNewestMigration(older)).isFalse();
        }
        try (Database database = Database.open(url)) {
            assertThat(database.isMigrated()).isTrue();
            assertThat(versions(database)).contains(Integer.toString(Database.NEWEST_MIGRATION));
        }
    }

    @Test
    void a_database_already_at_the_newest_version_is_opened_without_checking_its_migrations_again() {
        Database.open(url).close();
        // Flyway would refuse to open this database: the first migration's checksum no longer matches its file
        try (Database database = Database.open(url)) {
            database.jdbi().useHandle(h -> h.execute("UPDATE flyway_schema_history SET checksum = 1 WHERE version = '1'"));
        }
        try (Database database = Database.open(url)) {
            assertThat(database.isMigrated()).isTrue();
        }
    }

    @Test
    void a_database_whose_history_records_a_failed_migration_goes_through_flyway_which_refuses_it() {
        try (Database database = Database.open(url)) {
            database.jdbi().useHandle(h -> h.createUpdate("UPDATE flyway_schema_history SET success = :no WHERE version = :v")
                    .bind("no", false).bind("v", Integer.toString(Database.NEWEST_MIGRATION)).execute());
        }
        assertThatThrownBy(() -> Database.open(url).close()).hasMessageContaining("failed");
    }

    private static java.util.List<String> versions(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT version FROM flyway_schema_history")
                .mapTo(String.class).list());
    }

    private HikariDataSource dataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        return new HikariDataSource(config);
    }
}
