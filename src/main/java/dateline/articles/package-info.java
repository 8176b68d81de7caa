/**
 * Articles: writing, publishing and reading them, with their sections, tags, bylines, public update notes
 * and permanent addresses; and the public pages that show them.
 *
 * <p>Glossary: an <em>article</em> (never a post) has a <em>headline</em>, an optional <em>standfirst</em>
 * (the summary under the headline), <em>bylines</em>, an optional <em>dateline</em> place, a
 * <em>section</em> and <em>tags</em>. A <em>significant update</em> or a <em>correction</em> moves
 * "Last Updated"; a minor edit does not. A <em>permalink</em> is the article's public address; a
 * <em>retraction</em> keeps the page but marks it. A <em>pinned</em> article (WordPress's "sticky" post) is
 * shown by the front page above the latest ones, for as long as an editor leaves it pinned. The time an
 * article is <em>listed at</em> is its publication time while it is published (none otherwise): its place in
 * the lists of its tags and authors, kept beside each tag and byline so that each list has an index of its own.
 */
package dateline.articles;
