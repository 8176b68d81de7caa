package dateline.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Whole copies of a site's SQLite file, for backups and moves: made while a server may be writing to it, and checked
 * before a restored copy takes a site's place. Each works on a connection of its own, outside any pool, so
 * it needs no running site and never migrates what it reads.
 */
public final class SqliteCopies {
    /** How long a copy waits for a lock it cannot take at once, as the servers' own connections do. */
    private static final String BUSY_TIMEOUT_MS = "10000";
    /** A site's database file in its data folder. */
    private static final String FILE = "dateline.db";

    /** Thrown when a file is not a whole, healthy Dateline database; the message says what is wrong. */
    public static final class NotADatabase extends RuntimeException {
        NotADatabase(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A {@link #snapshot} in a folder of its own, as a site's data folder holds its database ({@code dateline.db}), so
     * that it opens like one; closing deletes the folder, with the files SQLite keeps beside the database.
     */
    public record Snapshot(Path folder) implements AutoCloseable {
        public Path file() {
            return folder.resolve(FILE);
        }

        @Override
        public void close() throws IOException {
            Folders.deleteTree(folder);
        }
    }

    private SqliteCopies() {}

    /** A snapshot of the database at {@code source} in a new hidden folder beside it (on the same disk, with its owner). */
    public static Snapshot snapshotBeside(Path source) throws IOException {
        if (!Files.isRegularFile(source)) throw new NotADatabase("There is no site database at " + source + ".", null);
        Snapshot snapshot = new Snapshot(Files.createTempDirectory(source.toAbsolutePath().getParent(), ".snapshot-"));
        try {
            snapshot(source, snapshot.file());
        } catch (RuntimeException e) {
            snapshot.close();
            throw e;
        }
        return snapshot;
    }

    /**
     * Writes a consistent copy of the database at {@code source} into the new file {@code target} with
     * {@code VACUUM INTO}: one read transaction, so the copy is the database as it stood at one moment, every
     * transaction committed before then in it and none after. In WAL mode a reader never waits for the server's
     * writer, nor the writer for it; the busy timeout covers the rare moments SQLite itself needs the lock (a
     * checkpoint that resets the log). The copy is compacted, without the log, and smaller than the original.
     */
    public static void snapshot(Path source, Path target) {
        if (!Files.isRegularFile(source)) {
            throw new NotADatabase("There is no site database at " + source + ".", null);
        }
        try (Connection connection = open(source); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new NotADatabase("Could not copy the database " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the file is a whole SQLite database of a Dateline site: SQLite's own integrity check finds
     * nothing wrong, and it has the history of its migrations. Answers the newest schema version applied.
     */
    public static String check(Path file) {
        try (Connection connection = open(file); Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
                String verdict = result.next() ? result.getString(1) : "no answer";
                if (!"ok".equals(verdict)) throw new NotADatabase("The database is damaged: " + verdict, null);
            }
            try (ResultSet result = statement.executeQuery("SELECT version FROM flyway_schema_history "
                    + "WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                if (!result.next()) throw new NotADatabase("The database has no applied migrations.", null);
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new NotADatabase("The file is not a Dateline database: " + e.getMessage(), e);
        }
    }

    private static Connection open(Path file) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("busy_timeout", BUSY_TIMEOUT_MS);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
    }
}
