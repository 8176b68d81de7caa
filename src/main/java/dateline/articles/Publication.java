package dateline.articles;

import java.time.Instant;
import java.util.List;

/** An article to publish at once, with its publication time and any updates it already had since. */
public record Publication(ArticleDraft draft, Instant publishedAt, List<ArticleUpdate> updates) {}
