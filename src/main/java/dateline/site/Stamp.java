package dateline.site;

/**
 * One moment as a page shows it: {@code iso} for {@code <time datetime>} and structured data (ISO 8601
 * with the UTC offset of the site's timezone), {@code text} for people, in the site's formats.
 */
public record Stamp(String iso, String text) {}
