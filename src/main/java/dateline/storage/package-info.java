/**
 * Storage: the database connection pool, {@link org.jdbi.v3.core.Jdbi}, schema migrations, the SQL
 * dialects, and the base every feature's repository builds on. Depends on nothing else of Dateline.
 *
 * <p>Glossary: a <em>dialect</em> is a database family (SQLite, PostgreSQL) whose SQL differs a little;
 * an <em>instant column</em> is a BIGINT of epoch milliseconds; a <em>repository</em> holds a feature's SQL
 * and is seen by that feature's service alone; the <em>write queue</em> is SQLite's one writer, through which
 * write transactions share commits, and within one commit <em>reused statements</em> are prepared once for
 * every run of the same SQL; the <em>invalidation log</em> carries the tags of committed changes from
 * one process serving a site to the others; <em>twin</em> migrations are the SQLite and PostgreSQL versions
 * of one migration that cannot be shared (see {@link dateline.storage.Dialect}); the <em>notices</em> are PostgreSQL's
 * notifications of new invalidation-log entries, heard by each node on a connection of its own. A database
 * <em>unreachable</em> is one that refuses, loses or cannot give a connection in time: requests then answer 503,
 * and background work says so in one line.
 *
 * <p>A <em>table check</em> is a table's row count and a checksum over its rows, computed alike on either database,
 * by which a {@link dateline.storage.DatabaseCopy} (a whole site moved into another database) proves itself; a
 * <em>derived</em> table (the search index) is left out of a copy and rebuilt. The <em>serving mark</em> is the
 * lock a running server holds on its data folder, by which a restore knows not to replace the folder.
 * <em>Buckets</em> are Bucket4j's token buckets kept in the database ({@code rate_limits}); <em>bucket
 * changes</em> are taken from them on the request's thread and written later, in the transaction of what they
 * limit, still compared with the state that was read. JDBI's <em>statement event</em>, its report of each statement to
 * the JDK's flight recorder, is registered by a starting server on a thread of its own
 * ({@link dateline.storage.StatementEvents}). A <em>keyset order</em> is the SQL of paging a newest-first list by
 * (time, id) pairs ({@link dateline.storage.KeysetOrder}), so that a deep page costs what the first costs.
 */
package dateline.storage;
