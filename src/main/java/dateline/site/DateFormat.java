package dateline.site;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * A date or time format written the way WordPress writes them (PHP's {@code date()} letters), so that
 * a newsroom moving in keeps its "F j, Y" and "g:i a" and the settings screen can offer the same
 * choices. A backslash prints the next character as it is; characters that are not format letters are
 * printed as they are. Names of months and days follow the site's language.
 */
public final class DateFormat {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss xx", Locale.ENGLISH);

    /** The letters whose text changes within a day: time, zone and whole moments. */
    private static final String FINER_THAN_A_DAY = "aAgGhHisvueTPpOZIcrU";

    private final String pattern;
    private final boolean dayAlone;

    public DateFormat(String pattern) {
        this.pattern = pattern;
        this.dayAlone = showsDayAlone(pattern);
    }

    /** True when the text depends on the date alone, not on the time of day or the offset in force. */
    public boolean showsDayAlone() {
        return dayAlone;
    }

    private static boolean showsDayAlone(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char letter = pattern.charAt(i);
            if (letter == '\\') i++;
            else if (FINER_THAN_A_DAY.indexOf(letter) >= 0) return false;
        }
        return true;
    }

    public String pattern() {
        return pattern;
    }

    public String format(ZonedDateTime time, Locale locale) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char letter = pattern.charAt(i);
            if (letter == '\\' && i + 1 < pattern.length()) {
                out.append(pattern.charAt(++i));
            } else {
                append(out, letter, time, locale);
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, char letter, ZonedDateTime t, Locale locale) {
        switch (letter) {
            // day
            case 'd' -> out.append(twoDigits(t.getDayOfMonth()));
            case 'D' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale));
            case 'j' -> out.append(t.getDayOfMonth());
            case 'l' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, locale));
            case 'N' -> out.append(t.getDayOfWeek().getValue());
            case 'S' -> out.append(englishOrdinalSuffix(t.getDayOfMonth()));
            case 'w' -> out.append(t.getDayOfWeek().getValue() % 7);
            case 'z' -> out.append(t.getDayOfYear() - 1);
            // week, month, year
            case 'W' -> out.append(twoDigits(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            case 'F' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale));
            case 'M' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, locale));
            case 'm' -> out.append(twoDigits(t.getMonthValue()));
            case 'n' -> out.append(t.getMonthValue());
            case 't' -> out.append(t.toLocalDate().lengthOfMonth());
            case 'L' -> out.append(t.toLocalDate().isLeapYear() ? 1 : 0);
            case 'o' -> out.append(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'Y' -> out.append(t.getYear());
            case 'y' -> out.append(twoDigits(t.getYear() % 100));
            // time
            case 'a' -> out.append(t.getHour() < 12 ? "am" : "pm");
            case 'A' -> out.append(t.getHour() < 12 ? "AM" : "PM");
            case 'g' -> out.append(twelveHour(t.getHour()));
            case 'G' -> out.append(t.getHour());
            case 'h' -> out.append(twoDigits(twelveHour(t.getHour())));
            case 'H' -> out.append(twoDigits(t.getHour()));
            case 'i' -> out.append(twoDigits(t.getMinute()));
            case 's' -> out.append(twoDigits(t.getSecond()));
            case 'v' -> out.append(String.format(Locale.ROOT, "%03d", t.get(ChronoField.MILLI_OF_SECOND)));
            case 'u' -> out.append(String.format(Locale.ROOT, "%06d", t.get(ChronoField.MICRO_OF_SECOND)));
            // time zone
            case 'e' -> out.append(t.getZone().getId());
            case 'T' -> out.append(DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(t));
            case 'P' -> out.append(DateTimeFormatter.ofPattern("xxx").format(t));
            case 'p' -> out.append(t.getOffset().getTotalSeconds() == 0 ? "Z" : DateTimeFormatter.ofPattern("xxx").format(t));
            case 'O' -> out.append(DateTimeFormatter.ofPattern("xx").format(t));
            case 'Z' -> out.append(t.getOffset().getTotalSeconds());
            case 'I' -> out.append(t.getZone().getRules().isDaylightSavings(t.toInstant()) ? 1 : 0);
            // whole dates
            case 'c' -> out.append(ISO.format(t));
            case 'r' -> out.append(RFC_2822.format(t));
            case 'U' -> out.append(t.toEpochSecond());
            default -> out.append(letter);
        }
    }

    private static int twelveHour(int hour) {
        int h = hour % 12;
        return h == 0 ? 12 : h;
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String englishOrdinalSuffix(int day) {
        if (day >= 11 && day <= 13) return "th";
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    @Override
    public String toString() {
        return pattern;
    }
}
