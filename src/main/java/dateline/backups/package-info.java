/**
 * Backups of a site kept in SQLite: the database and the media files in one file, written while the site
 * keeps serving, and put back into an empty data folder. A site kept in PostgreSQL is backed up with
 * PostgreSQL's own tools ({@code pg_dump}) plus its media folder; see {@code docs/deployment.md}.
 *
 * <p>Glossary: a <em>backup</em> is one zip file holding {@code dateline.db}, a consistent copy of the database
 * as it stood at one moment, the files of {@code media/} as they stood just after it, and a <em>manifest</em>
 * ({@code dateline-backup.properties}) with the format, the schema version and the database copy's length and
 * SHA-256 digest; to <em>restore</em> is to check a backup whole and then make it a site's data folder;
 * a <em>staging folder</em> is where a restore unpacks before it moves into place, so a refused or failed
 * restore leaves nothing behind.
 */
package dateline.backups;
