package dateline.site;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Moments shown the way the site shows them: in its timezone, with its date and time formats.
 *
 * <p>A page of comments shows a moment for each: the machine-readable form is written by hand when it is the
 * usual one (a four-digit year, an offset in whole minutes), and the date's words are kept for the day last
 * shown when the date format shows nothing finer than the day, since neighbouring comments mostly share it.
 */
public final class SiteTime {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private final ZoneId zone;
    private final DateFormat dateFormat;
    private final DateFormat timeFormat;
    private final Locale locale;
    /** The date last written, when the date format shows the day alone; a race only costs a miss. */
    private DayText lastDay;

    private record DayText(LocalDate day, String text) {}

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
        return new Stamp(iso(local), dateText(local) + " " + timeFormat.format(local, locale));
    }

    /** The date alone, as in "June 20, 2024", with the full machine-readable moment. */
    public Stamp date(Instant instant) {
        ZonedDateTime local = local(instant);
        return new Stamp(iso(local), dateText(local));
    }

    /** ISO 8601 with the UTC offset, to the second: identical in {@code <time>} and in structured data. */
    public String iso(Instant instant) {
        return iso(local(instant));
    }

    private String dateText(ZonedDateTime local) {
        if (!dateFormat.showsDayAlone()) return dateFormat.format(local, locale);
        LocalDate day = local.toLocalDate();
        DayText last = lastDay;
        if (last != null && last.day().equals(day)) return last.text();
        String text = dateFormat.format(local, locale);
        lastDay = new DayText(day, text);
        return text;
    }

    /** {@link #ISO}'s text, written without the formatter when the year has four digits and the offset whole minutes. */
    static String iso(ZonedDateTime t) {
        int year = t.getYear();
        int offset = t.getOffset().getTotalSeconds();
        if (year < 1000 || year > 9999 || offset % 60 != 0) return ISO.format(t);
        byte[] text = new byte[25];
        digits(text, 0, year / 100);
        digits(text, 2, year % 100);
        text[4] = '-';
        digits(text, 5, t.getMonthValue());
        text[7] = '-';
        digits(text, 8, t.getDayOfMonth());
        text[10] = 'T';
        digits(text, 11, t.getHour());
        text[13] = ':';
        digits(text, 14, t.getMinute());
        text[16] = ':';
        digits(text, 17, t.getSecond());
        text[19] = (byte) (offset < 0 ? '-' : '+');
        int minutes = Math.abs(offset) / 60;
        digits(text, 20, minutes / 60);
        text[22] = ':';
        digits(text, 23, minutes % 60);
        return new String(text, StandardCharsets.US_ASCII);
    }

    private static void digits(byte[] text, int at, int twoDigits) {
        text[at] = (byte) ('0' + twoDigits / 10);
        text[at + 1] = (byte) ('0' + twoDigits % 10);
    }

    private ZonedDateTime local(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
    }
}
