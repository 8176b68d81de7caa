package dateline.testing;

import dateline.storage.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
    // a database with every migration applied, which sites are copied from
    private static String template;

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
     * hundreds of sites. Drop it with {@link #drop}.
     */
    public static String migratedDatabaseUrl() {
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
                migrated.isReachable();
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
