/**
 * Storage: the database connection pool, {@link org.jdbi.v3.core.Jdbi}, schema migrations and the SQL
 * dialects. Depends on nothing else of Dateline.
 *
 * <p>Glossary: a <em>dialect</em> is a database family (SQLite, PostgreSQL) whose SQL differs a little;
 * an <em>instant column</em> is a BIGINT of epoch milliseconds.
 */
package dateline.storage;
