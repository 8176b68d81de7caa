package dateline.articles;

import org.jdbi.v3.core.statement.Query;

/**
 * Which published articles a list shows: all of them, those of one section, tag or author, or those
 * published after a moment.
 */
record ListingScope(String join, String condition, long id) {
    Query bindTo(Query query) {
        return join.isEmpty() && condition.isEmpty() ? query : query.bind("scope", id);
    }

    static ListingScope everything() {
        return new ListingScope("", "", 0);
    }

    static ListingScope section(long sectionId) {
        return new ListingScope("", " AND a.section_id = :scope", sectionId);
    }

    static ListingScope tag(long tagId) {
        return new ListingScope("JOIN article_tags s ON s.article_id = a.id AND s.tag_id = :scope ", "", tagId);
    }

    /** Articles published after a moment, such as those of the last two days. */
    static ListingScope publishedAfter(java.time.Instant moment) {
        return new ListingScope("", " AND a.published_at > :scope", moment.toEpochMilli());
    }

    static ListingScope author(long accountId) {
        return new ListingScope("JOIN article_authors s ON s.article_id = a.id AND s.account_id = :scope ", "", accountId);
    }
}
