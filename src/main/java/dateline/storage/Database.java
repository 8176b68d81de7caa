package dateline.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The one database of a site: a connection pool, a {@link Jdbi} over it, and its {@link Dialect}.
 * Opening it migrates the schema to the newest version.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;
    /** SQLite's one writer; PostgreSQL takes writers side by side and shares flushes itself. */
    private final WriteQueue writer;
    /** Whether every migration this program knows was applied when the database was opened (read once). */
    private final boolean migrated;

    private Database(HikariDataSource dataSource, Dialect dialect, boolean migrated) {
        this.dataSource = dataSource;
        this.dialect = dialect;
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
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        boolean migrated;
        try {
            migrated = migrate(dataSource, dialect);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, dialect, migrated);
    }

    /** Applies the pending migrations; answers whether none is left pending afterwards. */
    private static boolean migrate(DataSource dataSource, Dialect dialect) {
        Flyway flyway = flyway(dataSource, dialect);
        flyway.migrate();
        return flyway.info().pending().length == 0;
    }

    private static Flyway flyway(DataSource dataSource, Dialect dialect) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.folder())
                .placeholders(dialect.placeholders())
                .failOnMissingLocations(false)
                .load();
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

    @Override
    public void close() {
        if (writer != null) writer.close();
        dataSource.close();
    }
}
