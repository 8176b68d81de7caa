package dateline.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Moments shown the way the site shows them: in its timezone, with its date and time formats. */
public final class SiteTime {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private final ZoneId zone;
    private final DateFormat dateFormat;
    private final DateFormat timeFormat;
    private final Locale locale;

    public SiteTime(ZoneId zone, DateFormat dateFormat, DateFormat timeFormat, Locale locale) {
        this.zone = zone;
        this.dateFormat = dateFormat;
        this.timeFormat = timeFormat;
        this.locale = locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Date and time, as in "June 20, 2024 9:38 am", with its machine-readable twin. */
    public Stamp dateAndTime(Instant instant) {
        ZonedDateTime local = local(instant);
        return new Stamp(ISO.format(local), dateFormat.format(local, locale) + " " + timeFormat.format(local, locale));
    }

    /** The date alone, as in "June 20, 2024", with the full machine-readable moment. */
    public Stamp date(Instant instant) {
        ZonedDateTime local = local(instant);
        return new Stamp(ISO.format(local), dateFormat.format(local, locale));
    }

    /** ISO 8601 with the UTC offset, to the second: identical in {@code <time>} and in structured data. */
    public String iso(Instant instant) {
        return ISO.format(local(instant));
    }

    private ZonedDateTime local(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
    }
}
