package dateline.storage;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps the prepared statements of one transaction of the {@link WriteQueue} for the next run of the same SQL in
 * it, rather than closing each after one run. Why: SQLite compiles a statement each time it is prepared, and a
 * transaction of the writer runs the same few dozen statements again and again — an import's batch of 500
 * articles and their comments runs some of them thousands of times. Profiled on the WordPress import benchmark,
 * preparing statements took about two fifths of the writer's time in SQLite.
 *
 * <p>A statement lent out is not in the store, so the same SQL run again while the rows of the first are still
 * being read gets one of its own. A statement SQLite gave up after a failed run (it finalizes it) is found out
 * when it is next lent, and prepared afresh. Statements made for an updatable result are never kept. At most
 * {@link #MOST_KEPT} are kept; the others are closed as before. {@link #close(Connection)} closes those kept, and
 * must be called before the transaction's connection goes back to the pool.
 */
final class ReusedStatements implements StatementBuilder {
    static final int MOST_KEPT = 200;

    private final StatementBuilder fresh;
    /** Statements ready for their SQL's next run, by {@link #keyOf key}. */
    private final Map<String, PreparedStatement> kept = new HashMap<>();
    /** The key of each statement lent out that may be kept when given back. */
    private final Map<Statement, String> lent = new IdentityHashMap<>();
    private long reused;

    ReusedStatements(StatementBuilder fresh) {
        this.fresh = fresh;
    }

    @Override
    public Statement create(Connection connection, StatementContext ctx) throws SQLException {
        return fresh.create(connection, ctx);
    }

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext ctx) throws SQLException {
        String key = keyOf(sql, ctx);
        if (key == null) return fresh.create(connection, sql, ctx);
        PreparedStatement statement = kept.remove(key);
        if (statement != null) {
            try {
                statement.clearParameters();
                reused++;
            } catch (SQLException e) {
                // SQLite finalized it after a failed run: it cannot run again
                closeQuietly(statement);
                statement = null;
            }
        }
        if (statement == null) statement = fresh.create(connection, sql, ctx);
        lent.put(statement, key);
        return statement;
    }

    @Override
    public CallableStatement createCall(Connection connection, String sql, StatementContext ctx) throws SQLException {
        return fresh.createCall(connection, sql, ctx);
    }

    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
        String key = lent.remove(statement);
        if (key != null && statement instanceof PreparedStatement prepared && !statement.isClosed()
                && kept.size() < MOST_KEPT && !kept.containsKey(key)) {
            kept.put(key, prepared);
            return;
        }
        fresh.close(connection, sql, statement);
    }

    /** Closes every statement kept. */
    @Override
    public void close(Connection connection) {
        List<PreparedStatement> all = new ArrayList<>(kept.values());
        kept.clear();
        lent.clear();
        all.forEach(ReusedStatements::closeQuietly);
        fresh.close(connection);
    }

    /** How many times a kept statement was run again, for tests. */
    long reused() {
        return reused;
    }

    /**
     * What two runs must share to share a statement: the SQL and how the statement was made (returning the
     * generated keys, of which columns); null for a statement not to keep.
     */
    private static String keyOf(String sql, StatementContext ctx) {
        if (ctx.isConcurrentUpdatable()) return null;
        if (!ctx.isReturningGeneratedKeys()) return sql;
        return String.join(",", ctx.getGeneratedKeysColumnNames()) + "\u0000" + sql;
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // closing a statement SQLite already gave up; nothing is lost
        }
    }
}
