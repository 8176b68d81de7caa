package dateline.testing;

import dateline.storage.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests (the binaries come from Maven Central), started once per test JVM and stopped
 * when it ends, with a fresh empty database for each site that asks.
 *
 * <p>The tests run on SQLite unless the system property {@code dateline.test.database} is {@code postgresql}: the build
 * runs the repository and route tests a second time so (see the pom). A test may also ask for PostgreSQL itself.
 */
public final class Postgres {
    /** The property that chooses the database every {@link TestSite} is built on. */
    public static final String DATABASE_PROPERTY = "dateline.test.database";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    // one server for the whole test JVM: starting one takes seconds, a fresh database in it milliseconds
    private static EmbeddedPostgres server;
    // a database with every migration applied, which sites are copied from, and how many tables it has
    private static String template;
    private static int templateTables;
    // migrated databases a closed site emptied, ready for the next: emptying one is five times faster than copying
    private static final Queue<String> SPARE = new ConcurrentLinkedQueue<>();
    /**
     * Empties every table but Flyway's and starts every identity again at 1, as in a fresh copy; the triggers of
     * foreign keys are off meanwhile (the server's own superuser runs it), so the order of the tables does not matter.
     */
    private static final String EMPTY = """
            DO $$
            DECLARE r record;
            BEGIN
              PERFORM pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid();
              SET LOCAL session_replication_role = replica;
              FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' LOOP
                EXECUTE 'DELETE FROM ' || quote_ident(r.tablename);
              END LOOP;
              FOR r IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP
                EXECUTE 'ALTER SEQUENCE ' || quote_ident(r.sequencename) || ' RESTART';
              END LOOP;
            END $$""";
    private static final String TABLES = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'";

    private Postgres() {}

    /** True when this run's sites are built on PostgreSQL rather than SQLite. */
    public static boolean chosen() {
        return "postgresql".equalsIgnoreCase(System.getProperty(DATABASE_PROPERTY, "sqlite"));
    }

    /** The shared server, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        // the tests' data is thrown away: durability would only cost time
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "400")
                        // ten seconds, the default, is too short on a busy build machine
                        .setPGStartupWait(Duration.ofSeconds(90))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
            }
        }
        return server;
    }

    /** Creates an empty database on the shared server and gives its JDBC address. */
    public static String freshDatabaseUrl() {
        String name = nextName();
        execute("CREATE DATABASE " + name);
        return server().getJdbcUrl("postgres", name);
    }

    /**
     * Creates a database with every migration applied and gives its JDBC address: a copy of one migrated once
     * per test JVM, since migrating takes about a second and copying a few milliseconds, and the suite builds
     * hundreds of sites; or one a closed site gave back with {@link #release}, emptied. Drop it with {@link #drop},
     * or give it back.
     */
    public static String migratedDatabaseUrl() {
        String spare = SPARE.poll();
        if (spare != null) return spare;
        String name = nextName();
        String from = template();
        for (int attempt = 1; ; attempt++) {
            try {
                execute("CREATE DATABASE " + name + " TEMPLATE " + from);
                return server().getJdbcUrl("postgres", name);
            } catch (IllegalStateException e) {
                // a pool's connection to the template may still be closing ("being accessed by other users")
                if (attempt == 50) throw e;
                pause();
            }
        }
    }

    private static synchronized String template() {
        if (template == null) {
            String url = freshDatabaseUrl();
            try (Database migrated = Database.open(url)) {
                templateTables = migrated.jdbi().withHandle(h -> h.createQuery(TABLES).mapTo(Integer.class).one());
            }
            template = nameOf(url);
        }
        return template;
    }

    private static String nextName() {
        return "site_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes back a database from {@link #migratedDatabaseUrl()} whose site is closed: empties it for the next site,
     * or drops it when it is not as migrated any more (a test made a table of its own) or cannot be emptied.
     */
    public static void release(String jdbcUrl) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            int tables;
            try (ResultSet count = statement.executeQuery(TABLES)) {
                count.next();
                tables = count.getInt(1);
            }
            if (tables == templateTables) {
                statement.execute(EMPTY);
                SPARE.add(jdbcUrl);
                return;
            }
        } catch (SQLException e) {
            // dropped below
        }
        drop(jdbcUrl);
    }

    /** Drops a database made by {@link #freshDatabaseUrl()} or {@link #migratedDatabaseUrl()}, closing whatever connections it still has. */
    public static void drop(String jdbcUrl) {
        execute("DROP DATABASE IF EXISTS " + nameOf(jdbcUrl) + " WITH (FORCE)");
    }

    private static String nameOf(String jdbcUrl) {
        return jdbcUrl.replaceAll("^.*/([a-z0-9_]+)(\\?.*)?$", "$1");
    }

    private static void execute(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql + " on the embedded PostgreSQL server", e);
        }
    }
}
