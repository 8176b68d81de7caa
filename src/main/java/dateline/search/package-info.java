/**
 * Search: full-text search of articles for readers ({@code /search}) and for the newsroom's article list,
 * behind one {@link dateline.search.SearchIndex} with an implementation per database (SQLite's FTS5, PostgreSQL's {@code tsvector}).
 * The index follows every change to an article inside the change's own transaction.
 *
 * <p>Glossary: what a person types is read into <em>search terms</em>: <em>words</em>, <em>phrases</em>
 * (words in quotes, found together and in order) and <em>exclusions</em> (a term after a minus sign, which
 * found articles must not contain). Everything else they type (operators, column names, brackets, stars,
 * symbols) is taken as a space, so no query can speak the index's own language. An <em>entry</em> is what
 * the index holds of one article; a <em>hit</em> is an entry found, ranked, with its headline and an
 * <em>excerpt</em> <em>highlighted</em> where the terms occur. The <em>candidates</em> are the matches a search
 * ranks: those published most recently (to the minute; those never published by their last edit), as many as
 * {@link dateline.search.SearchService#CANDIDATES}.
 */
package dateline.search;
