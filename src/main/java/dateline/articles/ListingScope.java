package dateline.articles;

import dateline.storage.KeysetOrder;
import java.util.Map;
import org.jdbi.v3.core.statement.Query;

/**
 * Which published articles a list shows: all of them, those of one section, tag or author, those published
 * after a moment, or those that meet every condition of a filter. {@code binds} are the values its SQL names;
 * {@code order} the columns the list is read and paged by.
 *
 * <p>A tag's or an author's list is read from the join table's {@code listed_at} (V17: the article's
 * publication time while it is published, null otherwise), through an index of that tag's or author's
 * articles by that time: read by the article's own time, SQLite walked the whole archive's index by time and
 * looked up each article's tags, so a tag with a hundred articles among a hundred thousand read thousands of
 * rows for a page, and its last page the whole archive.
 */
record ListingScope(String join, String condition, Map<String, Object> binds, KeysetOrder order) {
    private static final KeysetOrder BY_ARTICLE = new KeysetOrder("a.published_at", "a.id");

    Query bindTo(Query query) {
        binds.forEach(query::bind);
        return query;
    }

    static ListingScope everything() {
        return new ListingScope("", "", Map.of(), BY_ARTICLE);
    }

    static ListingScope section(long sectionId) {
        return new ListingScope("", " AND a.section_id = :scope", Map.of("scope", sectionId), BY_ARTICLE);
    }

    static ListingScope tag(long tagId) {
        return listedIn("JOIN article_tags s ON s.article_id = a.id AND s.tag_id = :scope ", "s", "", Map.of("scope", tagId));
    }

    /** Articles published after a moment, such as those of the last two days. */
    static ListingScope publishedAfter(java.time.Instant moment) {
        return new ListingScope("", " AND a.published_at > :scope", Map.of("scope", moment.toEpochMilli()), BY_ARTICLE);
    }

    static ListingScope author(long accountId) {
        return listedIn("JOIN article_authors s ON s.article_id = a.id AND s.account_id = :scope ", "s", "",
                Map.of("scope", accountId));
    }

    /**
     * Articles meeting every condition the filter sets; one that sets none is {@link #everything()}. A filter
     * by tag is read through the tag's index, else one by author through the author's.
     */
    static ListingScope of(ArticleFilter filter) {
        StringBuilder join = new StringBuilder();
        StringBuilder condition = new StringBuilder();
        Map<String, Object> binds = new java.util.HashMap<>();
        String listedIn = null;
        if (filter.tagId() != null) {
            join.append("JOIN article_tags ft ON ft.article_id = a.id AND ft.tag_id = :tag ");
            binds.put("tag", filter.tagId());
            listedIn = "ft";
        }
        if (filter.authorId() != null) {
            join.append("JOIN article_authors fa ON fa.article_id = a.id AND fa.account_id = :author ");
            binds.put("author", filter.authorId());
            if (listedIn == null) listedIn = "fa";
        }
        if (filter.sectionId() != null) {
            condition.append(" AND a.section_id = :section");
            binds.put("section", filter.sectionId());
        }
        if (filter.since() != null) {
            condition.append(" AND a.published_at >= :since");
            binds.put("since", filter.since().toEpochMilli());
        }
        if (filter.until() != null) {
            condition.append(" AND a.published_at < :until");
            binds.put("until", filter.until().toEpochMilli());
        }
        if (listedIn == null) return new ListingScope(join.toString(), condition.toString(), Map.copyOf(binds), BY_ARTICLE);
        return listedIn(join.toString(), listedIn, condition.toString(), Map.copyOf(binds));
    }

    /**
     * A list read through a join table's {@code listed_at}, aliased {@code alias}: the condition that it is
     * listed lets either database use the partial index of listed rows, and the order is the join table's,
     * which is the article's own for every published article.
     */
    private static ListingScope listedIn(String join, String alias, String condition, Map<String, Object> binds) {
        return new ListingScope(join, " AND " + alias + ".listed_at IS NOT NULL" + condition, binds,
                new KeysetOrder(alias + ".listed_at", alias + ".article_id"));
    }
}
