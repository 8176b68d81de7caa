package dateline.site;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The settings a newsroom chooses for its site: what it is called, where its clock is, how it writes
 * dates, in what language it publishes, how long its lists are, whether new articles take comments, and
 * how large an upload may be.
 */
public record SiteSettings(
        String title,
        String description,
        ZoneId timezone,
        String dateFormat,
        String timeFormat,
        String language,
        int articlesPerPage,
        boolean commentsOpenByDefault,
        int closeCommentsAfterDays,
        int uploadLimitMegabytes) {

    public static final String DEFAULT_DATE_FORMAT = "F j, Y";
    public static final String DEFAULT_TIME_FORMAT = "g:i a";

    public static SiteSettings defaults() {
        return new SiteSettings("Dateline", "", ZoneId.of("UTC"), DEFAULT_DATE_FORMAT, DEFAULT_TIME_FORMAT, "en", 10,
                true, 0, 10);
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    public SiteSettings withTitle(String newTitle) {
        return new SiteSettings(newTitle, description, timezone, dateFormat, timeFormat, language, articlesPerPage,
                commentsOpenByDefault, closeCommentsAfterDays, uploadLimitMegabytes);
    }

    public SiteSettings withTimezone(ZoneId zone) {
        return new SiteSettings(title, description, zone, dateFormat, timeFormat, language, articlesPerPage,
                commentsOpenByDefault, closeCommentsAfterDays, uploadLimitMegabytes);
    }

    public SiteSettings withDescription(String newDescription) {
        return new SiteSettings(title, newDescription, timezone, dateFormat, timeFormat, language, articlesPerPage,
                commentsOpenByDefault, closeCommentsAfterDays, uploadLimitMegabytes);
    }

    /** How this site shows moments: its timezone, formats and language. */
    public SiteTime time() {
        return new SiteTime(timezone, new DateFormat(dateFormat), new DateFormat(timeFormat), locale());
    }

    public long uploadLimitBytes() {
        return uploadLimitMegabytes * 1024L * 1024L;
    }
}
