package dateline.articles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * An article's public address: {@code /2024/06/20/some-headline/}, the date of first publication in the
 * site's timezone and the slug. It is fixed when the article is published, so changing the timezone
 * later does not move any address; changing the slug moves it and leaves a permanent redirect behind.
 */
public final class Permalinks {
    private Permalinks() {}

    public static String pathOf(String slug, Instant publishedAt, ZoneId zone) {
        LocalDate day = publishedAt.atZone(zone).toLocalDate();
        return String.format(Locale.ROOT, "/%04d/%02d/%02d/%s/", day.getYear(), day.getMonthValue(),
                day.getDayOfMonth(), slug);
    }
}
