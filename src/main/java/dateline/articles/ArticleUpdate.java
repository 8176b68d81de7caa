package dateline.articles;

import java.time.Instant;

/** A dated public note on an article. */
public record ArticleUpdate(UpdateKind kind, String note, Instant happenedAt) {}
