package dateline.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;

/**
 * The one database of a site: a connection pool, a {@link Jdbi} over it, and its {@link Dialect}.
 * Opening it migrates the schema to the newest version.
 */
public final class Database implements AutoCloseable {
    /**
     * The version of the newest migration in {@code db/migration}: a database whose history has it, applied, is
     * not handed to Flyway at all as it opens (see {@link #migrate}). Raise it with every new migration; a test
     * holds it to the migration folders.
     */
    static final int NEWEST_MIGRATION = 17;

    /** How long a request waits for a connection to PostgreSQL before it fails. */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(5);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;
    /** Kept for the connections made outside the pool; it may carry a password, so it is never shown. */
    private final String jdbcUrl;
    /** SQLite's one writer; PostgreSQL takes writers side by side and shares flushes itself. */
    private final WriteQueue writer;
    /** Whether every migration this program knows was applied when the database was opened (read once). */
    private final boolean migrated;

    private Database(HikariDataSource dataSource, Dialect dialect, String jdbcUrl, boolean migrated) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.migrated = migrated;
        this.jdbi = Jdbi.create(dataSource);
        InstantColumns.register(jdbi);
        this.writer = dialect == Dialect.SQLITE ? WriteQueue.start(jdbi) : null;
    }

    /** Opens (creating if needed) the embedded SQLite database of a site in its data folder. */
    public static Database openSqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataDir, e);
        }
        return open("jdbc:sqlite:" + dataDir.resolve("dateline.db").toAbsolutePath());
    }

    public static Database open(String jdbcUrl) {
        Dialect dialect = Dialect.ofJdbcUrl(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("dateline");
        if (dialect == Dialect.SQLITE) {
            // WAL lets readers run beside the one writer; synchronous=FULL flushes the log at every commit, so
            // an acknowledged commit survives a power cut (a killed process loses nothing either way). In this
            // process writes go through the WriteQueue, one writer sharing flushes; a writer of another process
            // (a command) waits for the lock up to busy_timeout instead of failing. Every transaction begins
            // IMMEDIATE, taking the write lock first: one that began as a reader and then wrote would fail at
            // once with SQLITE_BUSY whenever another had written meanwhile, whatever busy_timeout says
            // (ConcurrentWritersTest fails so without it).
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.setMaximumPoolSize(8);
        } else {
            // a few connections kept open, more only under load: the server's connections are shared by every
            // node (and, in the tests, by hundreds of sites)
            config.setMaximumPoolSize(16);
            config.setMinimumIdle(2);
            // while the server is away, a request waits this long for a connection before it is answered 503,
            // rather than Hikari's 30 s; a busy node gets one far sooner than this
            config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
            config.addDataSourceProperty("connectTimeout", Long.toString(CONNECTION_WAIT.toSeconds()));
        }
        if (dialect == Dialect.SQLITE) SqliteLibrary.place();
        else checkReachable(jdbcUrl);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new Unreachable(jdbcUrl, e);
        }
        boolean migrated;
        try {
            migrated = migrate(dataSource, dialect);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, dialect, jdbcUrl, migrated);
    }

    /** Fails with a message for the operator, before the pool would log its own trace, when the server is away. */
    private static void checkReachable(String jdbcUrl) {
        try {
            connect(jdbcUrl).close();
        } catch (SQLException e) {
            throw new Unreachable(jdbcUrl, e);
        }
    }

    /**
     * Applies the pending migrations; answers whether none is left pending afterwards. A database whose history
     * already shows the newest migration applied, and no failed one, is left as it is without starting Flyway,
     * whose loading, scanning of the jar for migrations and checking of each one's checksum took a third of
     * the processor time of a server's start. Anything else — a new database, a migration pending, a failed
     * one, no history at all — goes through Flyway in full, which takes its lock so that of several nodes
     * starting at once only one migrates. (A migration edited after it was applied, which Flyway's checksums
     * would catch, is caught at the next new migration instead; migrations are never edited.)
     */
    private static boolean migrate(DataSource dataSource, Dialect dialect) {
        if (hasNewestMigration(dataSource)) return true;
        Flyway flyway = flyway(dataSource, dialect);
        flyway.migrate();
        return flyway.info().pending().length == 0;
    }

    /** True when Flyway's history records {@link #NEWEST_MIGRATION} as applied and no migration as failed. */
    static boolean hasNewestMigration(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            boolean newest = false;
            while (rows.next()) {
                String version = rows.getString(1);
                if (!rows.getBoolean(2)) return false;
                if (version != null && version.equals(Integer.toString(NEWEST_MIGRATION))) newest = true;
            }
            return newest;
        } catch (SQLException e) {
            return false; // no history yet: a new database
        }
    }

    private static Flyway flyway(DataSource dataSource, Dialect dialect) {
        return flywayConfiguration(dataSource, dialect).load();
    }

    /** Where the migrations of a dialect are and what fills their placeholders. */
    static FluentConfiguration flywayConfiguration(DataSource dataSource, Dialect dialect) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.folder())
                .placeholders(dialect.placeholders())
                .failOnMissingLocations(false);
    }

    /**
     * The versions of the migrations this database has had that this program does not know: a newer Dateline
     * has migrated it. Flyway lets such a database open (a node of the older version keeps serving while the
     * others are upgraded), but a copy made by this program would leave out what those migrations added.
     */
    public List<String> newerMigrations() {
        return Arrays.stream(flyway(dataSource, dialect).info().all())
                .filter(m -> m.getState().name().startsWith("FUTURE"))
                .map(m -> m.getVersion().getVersion())
                .toList();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True when a trivial query answers: the database is reachable. */
    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True when the schema was complete once the database was opened: no migration this program knows is pending. */
    public boolean isMigrated() {
        return migrated;
    }

    /**
     * Reports the connection pool's figures (connections in use, idle, waiting; how long a connection took to get
     * and was held) to the registry. Hikari takes a registry once, after the pool has started too.
     */
    public void reportPoolTo(MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    /**
     * A connection of its own to the database, outside the pool, for work that holds one for good (listening
     * for notifications). The caller closes it.
     */
    Connection connectAlone() throws SQLException {
        return connect(jdbcUrl);
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", Long.toString(CONNECTION_WAIT.toSeconds()));
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /**
     * True when the failure is the database being out of reach (a connection refused, lost, or not to be had
     * in time), not a fault of the request or of the code: worth trying again shortly.
     */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) return true;
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /**
     * Thrown when the database cannot be reached at all as a command starts. Its message names the server and
     * database, never the user or password the address may carry.
     */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String jdbcUrl, Exception cause) {
            super("Cannot reach the database " + describe(jdbcUrl) + ": " + reason(cause)
                    + ". Check that the database server is running and that the address is right.", cause);
        }

        private static String describe(String jdbcUrl) {
            String rest = jdbcUrl.replaceFirst("^jdbc:[a-z]+:(//)?", "");
            rest = rest.replaceAll("[?;].*$", "").replaceAll("^[^@/]*@", ""); // no parameters, no user:password@
            return rest.isEmpty() ? "(no address)" : rest;
        }

        private static String reason(Throwable cause) {
            Throwable deepest = cause;
            while (deepest.getCause() != null && deepest.getCause() != deepest) deepest = deepest.getCause();
            String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
            // pgjdbc's messages name host and port at most; keep the first sentence
            int end = message.indexOf(". ");
            return (end > 0 ? message.substring(0, end) : message).replaceAll("password=[^&\\s]*", "password=…");
        }
    }

    @Override
    public void close() {
        if (writer != null) writer.close();
        dataSource.close();
    }
}
