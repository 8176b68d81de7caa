package dateline.articles;

import java.time.Instant;

/**
 * Which published articles a list asks for: of a section, with a tag, by an author, published at or after
 * {@code since} and before {@code until}. Each condition is left out when null.
 */
public record ArticleFilter(Long sectionId, Long tagId, Long authorId, Instant since, Instant until) {}
