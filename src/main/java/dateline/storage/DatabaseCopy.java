package dateline.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Copies every row of a site's database into an empty database of the same schema, SQLite or PostgreSQL either
 * way, and then proves the copy: per table, the number of rows and a checksum over them, computed alike on both
 * sides.
 *
 * <p>The tables and their columns, keys and foreign keys are read from the databases' own descriptions, so a
 * table that a later migration adds is copied without a change here. Tables are copied parents first (derived
 * from the foreign keys); a row that refers to a later row of its own table (a page moved under a newer one) is
 * written without that reference first and given it once the table is copied. Each batch of rows is one
 * transaction: a copy that stops half-way leaves a target to throw away, and the copy runs again into a fresh one.
 *
 * <p>The source may be in use meanwhile. Everything read from a PostgreSQL source, the copy and its check alike, is
 * read in one read-only {@code REPEATABLE READ} transaction, which sees the database as it stood when it began: a
 * change committed later is in neither, so it can neither be half-copied nor fail the check. A SQLite source is read
 * as it is, outside any transaction (one of ours would take the write lock and stop the site's writes): copy a
 * snapshot of a site in use ({@link SqliteCopies#snapshot}), as {@code dateline migrate-db} does.
 *
 * <p>Values are read as what they mean, not as what each database stores: SQLite keeps a boolean as 0 or 1 and
 * PostgreSQL as true or false, SQLite a byte array as a BLOB and PostgreSQL as BYTEA. The checksum hashes the values
 * in that meaning, written out as text, so dialect differences do not matter; rows are taken in primary-key order,
 * text keys compared byte by byte on both sides.
 */
public final class DatabaseCopy {
    /** Rows per batch: one transaction and one round trip of statements each. */
    private static final int BATCH = 1000;
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    /** The copy cannot begin: nothing was written. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The copy differs from its source: the table is named, and the command fails. */
    public static final class Mismatch extends RuntimeException {
        private final String table;

        Mismatch(String table, TableCheck source, TableCheck target) {
            super("The copy of the table " + table + " differs from its source: " + source.rows() + " rows with checksum "
                    + source.shortChecksum() + " there, " + target.rows() + " rows with checksum "
                    + target.shortChecksum() + " in the copy.");
            this.table = table;
        }

        public String table() {
            return table;
        }
    }

    /** What a copy tells while it works, for a command's progress lines. */
    public interface Progress {
        /** After each batch of a table's rows. */
        default void copying(String table, long rows) {}

        /** A table is copied whole. */
        default void copied(String table, long rows) {}

        /** A table's copy has the same rows as its source. */
        default void verified(TableCheck check) {}
    }

    /** A table's rows, counted and hashed (SHA-256, hex) in primary-key order. */
    public record TableCheck(String table, long rows, String checksum) {
        public String shortChecksum() {
            return checksum.substring(0, 12);
        }
    }

    /** A finished, verified copy: every table copied, with its check, and the time each half took. */
    public record Report(List<TableCheck> tables, Duration copying, Duration verifying) {
        public long rows() {
            return tables.stream().mapToLong(TableCheck::rows).sum();
        }
    }

    private enum Kind { INTEGER, REAL, BOOLEAN, BYTES, TEXT }

    private record Column(String name, Kind kind) {}

    /** A table as its database describes it; {@code selfReferences} maps a column to the key column it refers to. */
    private record Table(String name, List<Column> columns, List<Column> primaryKey, Set<String> parents,
                         Map<String, String> selfReferences) {
        /** This table with only the columns the other has, as a copy's table is checked against its source's. */
        Table withColumnsOf(Table other) {
            Set<String> names = other.columns().stream().map(Column::name).collect(Collectors.toSet());
            return new Table(name, columns.stream().filter(c -> names.contains(c.name())).toList(), primaryKey, parents,
                    selfReferences);
        }
    }

    private final Database from;
    private final Database to;
    private final Predicate<String> leftOut;
    private final Progress progress;

    private DatabaseCopy(Database from, Database to, Predicate<String> leftOut, Progress progress) {
        this.from = from;
        this.to = to;
        this.leftOut = leftOut;
        this.progress = progress;
    }

    /**
     * Copies every table of {@code from} into {@code to} (both already open, so both migrated to this program's
     * schema), except the tables {@code leftOut} names, which are derived from the others and rebuilt afterwards,
     * such as a search index; then verifies the copy.
     *
     * @throws Refused when either database was migrated by a newer program, or the target holds any row
     * @throws Mismatch when a copied table differs from its source (as when the source changed meanwhile)
     */
    public static Report copy(Database from, Database to, Predicate<String> leftOut, Progress progress) {
        return new DatabaseCopy(from, to, leftOut, progress).run();
    }

    /** Every table's check, except the tables {@code leftOut} names: what {@link #copy} compares. */
    public static Map<String, TableCheck> checksums(Database database, Predicate<String> leftOut) {
        return database.jdbi().withHandle(h -> {
            Map<String, TableCheck> checks = new TreeMap<>();
            for (Table table : describe(h, leftOut).values()) checks.put(table.name(), check(h, database.dialect(), table));
            return checks;
        });
    }

    private Report run() {
        refuseNewer(from, "source");
        refuseNewer(to, "target");
        return from.jdbi().withHandle(source -> {
            if (from.dialect() != Dialect.POSTGRESQL) return run(source);
            source.setReadOnly(true);
            try {
                return source.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, this::run);
            } finally {
                source.setReadOnly(false);
            }
        });
    }

    /** The copy, reading the source only through {@code source}. */
    private Report run(Handle source) {
        Map<String, Table> sources = describe(source, leftOut);
        Map<String, Table> targets = to.jdbi().withHandle(h -> describe(h, leftOut));
        for (Table table : sources.values()) refuseUnlike(table, targets.get(table.name()));
        refuseUnlessEmpty(targets.values());

        long started = System.nanoTime();
        List<Table> order = parentsFirst(sources.keySet().stream().map(targets::get).toList());
        for (Table table : order) copyTable(source, sources.get(table.name()), table);
        if (to.dialect() == Dialect.POSTGRESQL) continueIdentities(order);
        Duration copying = Duration.ofNanos(System.nanoTime() - started);

        started = System.nanoTime();
        List<TableCheck> checks = new ArrayList<>();
        for (Table table : order) {
            TableCheck original = check(source, from.dialect(), sources.get(table.name()));
            TableCheck copy = to.jdbi().withHandle(h -> check(h, to.dialect(), table.withColumnsOf(sources.get(table.name()))));
            if (original.rows() != copy.rows() || !original.checksum().equals(copy.checksum())) {
                throw new Mismatch(table.name(), original, copy);
            }
            checks.add(original);
            progress.verified(original);
        }
        return new Report(checks, copying, Duration.ofNanos(System.nanoTime() - started));
    }

    // ---- refusing before anything is written

    private static void refuseNewer(Database database, String which) {
        List<String> newer = database.newerMigrations();
        if (!newer.isEmpty()) {
            throw new Refused("The " + which + " database was migrated by a newer Dateline (schema version "
                    + newer.get(newer.size() - 1) + "): copy it with that version.");
        }
    }

    private static void refuseUnlike(Table source, Table target) {
        if (target == null) throw new Refused("The target database has no table " + source.name() + ".");
        Set<String> columns = target.columns().stream().map(Column::name).collect(Collectors.toSet());
        for (Column column : source.columns()) {
            if (!columns.contains(column.name())) {
                throw new Refused("The target's table " + source.name() + " has no column " + column.name() + ".");
            }
        }
    }

    private void refuseUnlessEmpty(Iterable<Table> tables) {
        List<String> holding = new ArrayList<>();
        to.jdbi().useHandle(h -> {
            for (Table table : tables) {
                if (h.createQuery("SELECT 1 FROM " + quoted(table.name()) + " LIMIT 1").mapTo(Integer.class)
                        .findOne().isPresent()) {
                    holding.add(table.name());
                }
            }
        });
        if (!holding.isEmpty()) {
            throw new Refused("The target database already holds a site (rows in " + String.join(", ", holding)
                    + "): copy into an empty one.");
        }
    }

    // ---- reading the schema

    private static Map<String, Table> describe(Handle h, Predicate<String> leftOut) {
        try {
            Connection connection = h.getConnection();
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            List<String> names = new ArrayList<>();
            try (ResultSet tables = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (tables.next()) names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
            Map<String, Table> described = new LinkedHashMap<>();
            for (String name : names) {
                if (name.equals(FLYWAY_HISTORY) || name.startsWith("sqlite_") || leftOut.test(name)) continue;
                described.put(name, describe(meta, schema, name));
            }
            return described;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the tables of the database", e);
        }
    }

    private static Table describe(DatabaseMetaData meta, String schema, String name) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, name, "%")) {
            while (rs.next()) {
                // a generated column (PostgreSQL's tsvector) is computed from the others, never written
                if ("YES".equalsIgnoreCase(rs.getString("IS_GENERATEDCOLUMN"))) continue;
                columns.add(new Column(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        kindOf(rs.getString("TYPE_NAME"))));
            }
        }
        // by name, so that both databases hash a row's values in the same order whatever order their columns are in
        columns.sort(Comparator.comparing(Column::name));
        Map<Integer, String> keyColumns = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, name)) {
            while (rs.next()) keyColumns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
        Map<String, Column> byName = columns.stream().collect(Collectors.toMap(Column::name, c -> c));
        // a table without a key is taken in the order of all its columns, which is as stable
        List<Column> key = keyColumns.isEmpty() ? columns : keyColumns.values().stream().map(byName::get).toList();
        Set<String> parents = new HashSet<>();
        Map<String, String> selfReferences = new HashMap<>();
        try (ResultSet rs = meta.getImportedKeys(null, schema, name)) {
            while (rs.next()) {
                String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                if (parent.equals(name)) {
                    selfReferences.put(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                            rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                } else {
                    parents.add(parent);
                }
            }
        }
        return new Table(name, columns, key, parents, selfReferences);
    }

    /** What a column holds, from the type its database names: the same meaning under both dialects' names. */
    private static Kind kindOf(String typeName) {
        String type = typeName.toUpperCase(Locale.ROOT);
        if (type.contains("BOOL")) return Kind.BOOLEAN;
        if (type.contains("INT")) return Kind.INTEGER;
        if (type.contains("DOUBLE") || type.contains("FLOAT") || type.contains("REAL")) return Kind.REAL;
        if (type.contains("BLOB") || type.contains("BYTEA")) return Kind.BYTES;
        return Kind.TEXT;
    }

    /** Tables in an order where each comes after the tables its foreign keys refer to. */
    private static List<Table> parentsFirst(List<Table> tables) {
        Map<String, Table> waiting = new LinkedHashMap<>();
        tables.forEach(t -> waiting.put(t.name(), t));
        List<Table> order = new ArrayList<>();
        while (!waiting.isEmpty()) {
            // a parent already placed, or not copied at all (a derived table), is no reason to wait
            List<Table> ready = waiting.values().stream()
                    .filter(t -> t.parents().stream().noneMatch(waiting::containsKey))
                    .toList();
            if (ready.isEmpty()) {
                throw new IllegalStateException("The foreign keys of these tables refer to each other in a circle: "
                        + String.join(", ", waiting.keySet()));
            }
            for (Table t : ready) {
                order.add(t);
                waiting.remove(t.name());
            }
        }
        return order;
    }

    // ---- copying

    private void copyTable(Handle from, Table source, Table target) {
        List<Column> columns = source.columns();
        String insert = "INSERT INTO " + quoted(target.name()) + " (" + columnList(columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        Map<String, Kind> targetKinds = target.columns().stream().collect(Collectors.toMap(Column::name, Column::kind));
        List<Kind> kinds = columns.stream().map(c -> targetKinds.get(c.name())).toList();
        SelfReferences later = new SelfReferences(target, columns);
        long[] copied = {0};
        List<Object[]> batch = new ArrayList<>(BATCH);
        eachRow(from, this.from.dialect(), source, row -> {
            batch.add(later.holdBack(row));
            if (batch.size() == BATCH) {
                write(insert, kinds, batch);
                copied[0] += batch.size();
                batch.clear();
                progress.copying(target.name(), copied[0]);
            }
        });
        if (!batch.isEmpty()) write(insert, kinds, batch);
        copied[0] += batch.size();
        later.write();
        progress.copied(target.name(), copied[0]);
    }

    private void write(String sql, List<Kind> kinds, List<Object[]> rows) {
        WriteQueue.useTransaction(to.jdbi(), h -> {
            try (PreparedStatement statement = h.getConnection().prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) bind(statement, i + 1, kinds.get(i), row[i]);
                    statement.addBatch();
                }
                statement.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot write rows into the target: " + e.getMessage(), e);
            }
        });
    }

    /**
     * The references of a table's rows to rows of the same table that are not yet copied (rows come in key order,
     * so a page moved under a newer page comes before it): written as null at first, and set once the whole table is.
     */
    private final class SelfReferences {
        private record Later(int column, Object value, Object[] key) {}

        private final Table target;
        private final List<Column> columns;
        private final Map<Integer, Integer> referredBy = new HashMap<>();
        private final Map<Integer, Set<Object>> copied = new HashMap<>();
        private final List<Integer> key;
        private final List<Later> later = new ArrayList<>();

        SelfReferences(Table target, List<Column> columns) {
            this.target = target;
            this.columns = columns;
            List<String> names = columns.stream().map(Column::name).toList();
            target.selfReferences().forEach((column, referred) -> {
                referredBy.put(names.indexOf(column), names.indexOf(referred));
                copied.put(names.indexOf(column), new HashSet<>());
            });
            this.key = target.primaryKey().stream().map(c -> names.indexOf(c.name())).toList();
        }

        Object[] holdBack(Object[] row) {
            Object[] written = row;
            for (Map.Entry<Integer, Integer> reference : referredBy.entrySet()) {
                int at = reference.getKey();
                copied.get(at).add(row[reference.getValue()]);
                if (row[at] != null && !copied.get(at).contains(row[at])) {
                    later.add(new Later(at, row[at], key.stream().map(k -> row[k]).toArray()));
                    if (written == row) written = row.clone();
                    written[at] = null;
                }
            }
            return written;
        }

        void write() {
            String where = target.primaryKey().stream().map(c -> quoted(c.name()) + " = ?")
                    .collect(Collectors.joining(" AND "));
            Map<String, Kind> kinds = target.columns().stream().collect(Collectors.toMap(Column::name, Column::kind));
            later.stream().collect(Collectors.groupingBy(Later::column)).forEach((at, updates) -> {
                String column = columns.get(at).name();
                List<Kind> bound = new ArrayList<>();
                bound.add(kinds.get(column));
                target.primaryKey().forEach(c -> bound.add(c.kind()));
                String sql = "UPDATE " + quoted(target.name()) + " SET " + quoted(column) + " = ? WHERE " + where;
                List<Object[]> rows = updates.stream().map(u -> {
                    Object[] values = new Object[1 + u.key().length];
                    values[0] = u.value();
                    System.arraycopy(u.key(), 0, values, 1, u.key().length);
                    return values;
                }).toList();
                for (int i = 0; i < rows.size(); i += BATCH) {
                    DatabaseCopy.this.write(sql, bound, rows.subList(i, Math.min(rows.size(), i + BATCH)));
                }
            });
        }
    }

    /** Sets each identity sequence of PostgreSQL after the highest key copied, so new rows get new keys. */
    private void continueIdentities(List<Table> tables) {
        Set<String> copied = tables.stream().map(Table::name).collect(Collectors.toSet());
        to.jdbi().useHandle(h -> {
            List<Map<String, Object>> identities = h.createQuery("SELECT table_name, column_name FROM "
                    + "information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'")
                    .mapToMap().list();
            for (Map<String, Object> identity : identities) {
                String table = (String) identity.get("table_name");
                String column = (String) identity.get("column_name");
                if (!copied.contains(table)) continue;
                h.createQuery("SELECT setval(pg_get_serial_sequence(:table, :column), coalesce(max(" + quoted(column)
                                + "), 0) + 1, false) FROM " + quoted(table))
                        .bind("table", quoted(table)).bind("column", column).mapTo(Long.class).one();
            }
        });
    }

    // ---- reading rows, and checking them

    private interface RowHandler {
        void row(Object[] values);
    }

    /**
     * Every row of the table in primary-key order, as values that mean the same whichever database they came from;
     * in the transaction of {@code h}, if it is in one.
     */
    private static void eachRow(Handle h, Dialect dialect, Table table, RowHandler handler) {
        String sql = "SELECT " + columnList(table.columns()) + " FROM " + quoted(table.name()) + " ORDER BY "
                + table.primaryKey().stream().map(c -> inByteOrder(dialect, c)).collect(Collectors.joining(", "));
        Connection connection = h.getConnection();
        try {
            // PostgreSQL hands a result over in pieces only inside a transaction; SQLite does so anyway, and a
            // transaction there would take the write lock (every transaction of ours begins IMMEDIATE)
            boolean streaming = dialect == Dialect.POSTGRESQL && connection.getAutoCommit();
            if (streaming) connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(BATCH);
                try (ResultSet rs = statement.executeQuery(sql)) {
                    int n = table.columns().size();
                    while (rs.next()) {
                        Object[] row = new Object[n];
                        for (int i = 0; i < n; i++) row[i] = read(rs, i + 1, table.columns().get(i).kind());
                        handler.row(row);
                    }
                }
            } finally {
                if (streaming) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the table " + table.name() + ": " + e.getMessage(), e);
        }
    }

    private static TableCheck check(Handle h, Dialect dialect, Table table) {
        MessageDigest digest = sha256();
        long[] rows = {0};
        eachRow(h, dialect, table, row -> {
            rows[0]++;
            for (Object value : row) {
                if (value == null) {
                    digest.update((byte) 0);
                    continue;
                }
                byte[] text = asText(value).getBytes(StandardCharsets.UTF_8);
                digest.update((byte) 1);
                digest.update(ByteBuffer.allocate(4).putInt(text.length).array());
                digest.update(text);
            }
        });
        return new TableCheck(table.name(), rows[0], HexFormat.of().formatHex(digest.digest()));
    }

    private static String asText(Object value) {
        if (value instanceof byte[] bytes) return HexFormat.of().formatHex(bytes);
        return value.toString();
    }

    private static Object read(ResultSet rs, int column, Kind kind) throws SQLException {
        Object value = switch (kind) {
            case INTEGER -> rs.getLong(column);
            case REAL -> rs.getDouble(column);
            case BOOLEAN -> rs.getBoolean(column);
            case BYTES -> rs.getBytes(column);
            case TEXT -> rs.getString(column);
        };
        return rs.wasNull() ? null : value;
    }

    private static void bind(PreparedStatement statement, int position, Kind kind, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(position, switch (kind) {
                case INTEGER -> Types.BIGINT;
                case REAL -> Types.DOUBLE;
                case BOOLEAN -> Types.BOOLEAN;
                case BYTES -> Types.BINARY;
                case TEXT -> Types.VARCHAR;
            });
            return;
        }
        switch (kind) {
            case INTEGER -> statement.setLong(position, ((Number) value).longValue());
            case REAL -> statement.setDouble(position, ((Number) value).doubleValue());
            case BOOLEAN -> statement.setBoolean(position, (Boolean) value);
            case BYTES -> statement.setBytes(position, (byte[]) value);
            case TEXT -> statement.setString(position, value.toString());
        }
    }

    /** Text keys in the order of their bytes, as SQLite compares them, rather than in the server's collation. */
    private static String inByteOrder(Dialect dialect, Column column) {
        return column.kind() == Kind.TEXT && dialect == Dialect.POSTGRESQL
                ? quoted(column.name()) + " COLLATE \"C\"" : quoted(column.name());
    }

    private static String columnList(List<Column> columns) {
        return columns.stream().map(c -> quoted(c.name())).collect(Collectors.joining(", "));
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
