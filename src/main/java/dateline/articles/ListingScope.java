package dateline.articles;

import java.util.Map;
import org.jdbi.v3.core.statement.Query;

/**
 * Which published articles a list shows: all of them, those of one section, tag or author, those published
 * after a moment, or those that meet every condition of a filter. {@code binds} are the values its SQL names.
 */
record ListingScope(String join, String condition, Map<String, Object> binds) {
    Query bindTo(Query query) {
        binds.forEach(query::bind);
        return query;
    }

    static ListingScope everything() {
        return new ListingScope("", "", Map.of());
    }

    static ListingScope section(long sectionId) {
        return new ListingScope("", " AND a.section_id = :scope", Map.of("scope", sectionId));
    }

    static ListingScope tag(long tagId) {
        return new ListingScope("JOIN article_tags s ON s.article_id = a.id AND s.tag_id = :scope ", "",
                Map.of("scope", tagId));
    }

    /** Articles published after a moment, such as those of the last two days. */
    static ListingScope publishedAfter(java.time.Instant moment) {
        return new ListingScope("", " AND a.published_at > :scope", Map.of("scope", moment.toEpochMilli()));
    }

    static ListingScope author(long accountId) {
        return new ListingScope("JOIN article_authors s ON s.article_id = a.id AND s.account_id = :scope ", "",
                Map.of("scope", accountId));
    }

    /** Articles meeting every condition the filter sets; one that sets none is {@link #everything()}. */
    static ListingScope of(ArticleFilter filter) {
        StringBuilder join = new StringBuilder();
        StringBuilder condition = new StringBuilder();
        Map<String, Object> binds = new java.util.HashMap<>();
        if (filter.tagId() != null) {
            join.append("JOIN article_tags ft ON ft.article_id = a.id AND ft.tag_id = :tag ");
            binds.put("tag", filter.tagId());
        }
        if (filter.authorId() != null) {
            join.append("JOIN article_authors fa ON fa.article_id = a.id AND fa.account_id = :author ");
            binds.put("author", filter.authorId());
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
        return new ListingScope(join.toString(), condition.toString(), Map.copyOf(binds));
    }
}
