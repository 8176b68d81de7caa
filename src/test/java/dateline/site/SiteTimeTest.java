package dateline.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SiteTimeTest {
    private static SiteTime siteTimeIn(String zone) {
        return SiteSettings.defaults().withTimezone(ZoneId.of(zone)).time();
    }

    @Nested
    class The_default_format {
        @Test
        void reads_like_a_wordpress_news_site() {
            Stamp stamp = siteTimeIn("Europe/Berlin").dateAndTime(Instant.parse("2024-06-20T07:38:00Z"));
            assertThat(stamp.text()).isEqualTo("June 20, 2024 9:38 am");
            assertThat(stamp.iso()).isEqualTo("2024-06-20T09:38:00+02:00");
        }

        @Test
        void writes_the_utc_offset_even_at_zero() {
            Stamp stamp = siteTimeIn("UTC").dateAndTime(Instant.parse("2024-06-20T21:05:59.900Z"));
            assertThat(stamp.iso()).isEqualTo("2024-06-20T21:05:59+00:00");
            assertThat(stamp.text()).isEqualTo("June 20, 2024 9:05 pm");
        }

        @Test
        void shows_midnight_and_noon_on_a_twelve_hour_clock() {
            SiteTime utc = siteTimeIn("UTC");
            assertThat(utc.dateAndTime(Instant.parse("2024-01-05T00:07:00Z")).text()).isEqualTo("January 5, 2024 12:07 am");
            assertThat(utc.dateAndTime(Instant.parse("2024-01-05T12:00:00Z")).text()).isEqualTo("January 5, 2024 12:00 pm");
        }
    }

    @Nested
    class Across_timezones_and_daylight_saving {
        @Test
        void the_same_moment_can_be_a_different_day_elsewhere() {
            Instant lateEvening = Instant.parse("2024-06-20T22:30:00Z");
            assertThat(siteTimeIn("UTC").date(lateEvening).text()).isEqualTo("June 20, 2024");
            assertThat(siteTimeIn("Asia/Tokyo").date(lateEvening).text()).isEqualTo("June 21, 2024");
            assertThat(siteTimeIn("America/Los_Angeles").dateAndTime(lateEvening).iso()).isEqualTo("2024-06-20T15:30:00-07:00");
        }

        @Test
        void spring_forward_changes_the_offset_within_one_night() {
            SiteTime berlin = siteTimeIn("Europe/Berlin");
            Stamp before = berlin.dateAndTime(Instant.parse("2024-03-31T00:30:00Z"));
            Stamp after = berlin.dateAndTime(Instant.parse("2024-03-31T01:30:00Z"));
            assertThat(before.text()).isEqualTo("March 31, 2024 1:30 am");
            assertThat(before.iso()).isEqualTo("2024-03-31T01:30:00+01:00");
            assertThat(after.text()).isEqualTo("March 31, 2024 3:30 am");
            assertThat(after.iso()).isEqualTo("2024-03-31T03:30:00+02:00");
        }

        @Test
        void falling_back_shows_the_same_clock_time_twice_but_never_the_same_machine_time() {
            SiteTime newYork = siteTimeIn("America/New_York");
            Stamp first = newYork.dateAndTime(Instant.parse("2024-11-03T05:30:00Z"));
            Stamp second = newYork.dateAndTime(Instant.parse("2024-11-03T06:30:00Z"));
            assertThat(first.text()).isEqualTo(second.text()).isEqualTo("November 3, 2024 1:30 am");
            assertThat(first.iso()).isEqualTo("2024-11-03T01:30:00-04:00");
            assertThat(second.iso()).isEqualTo("2024-11-03T01:30:00-05:00");
        }
    }

    @Nested
    class Written_without_the_formatter {
        private static final java.time.format.DateTimeFormatter ISO =
                java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

        @Test
        void the_machine_readable_moment_is_the_formatters_text_in_every_offset_and_year() {
            Instant moment = Instant.parse("2024-02-29T23:59:58Z");
            for (String zone : new String[] {"UTC", "Asia/Kathmandu", "America/St_Johns", "Pacific/Kiritimati",
                    "Pacific/Pago_Pago", "Africa/Monrovia", "Europe/Amsterdam"}) {
                for (Instant at : new Instant[] {moment, Instant.parse("1000-01-01T00:00:00Z"),
                        Instant.parse("0999-12-31T12:00:00Z"), Instant.parse("9999-12-31T23:00:00Z"),
                        Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("1910-06-01T00:00:00Z")}) {
                    ZonedDateTime local = at.atZone(ZoneId.of(zone));
                    assertThat(SiteTime.iso(local)).as("%s in %s", at, zone).isEqualTo(ISO.format(local));
                }
            }
        }

        @Test
        void the_words_kept_for_one_day_are_not_shown_for_the_next() {
            SiteTime utc = siteTimeIn("UTC");
            assertThat(utc.dateAndTime(Instant.parse("2024-06-20T23:59:00Z")).text()).isEqualTo("June 20, 2024 11:59 pm");
            assertThat(utc.dateAndTime(Instant.parse("2024-06-20T08:00:00Z")).text()).isEqualTo("June 20, 2024 8:00 am");
            assertThat(utc.dateAndTime(Instant.parse("2024-06-21T00:00:00Z")).text()).isEqualTo("June 21, 2024 12:00 am");
            assertThat(utc.date(Instant.parse("2023-06-21T00:00:00Z")).text()).isEqualTo("June 21, 2023");
        }

        @Test
        void a_date_format_that_shows_the_time_or_offset_is_not_kept_for_the_day() {
            assertThat(new DateFormat("F j, Y").showsDayAlone()).isTrue();
            assertThat(new DateFormat("l, jS \\a\\t").showsDayAlone()).isTrue();
            assertThat(new DateFormat("F j, Y g:i").showsDayAlone()).isFalse();
            assertThat(new DateFormat("j M Y T").showsDayAlone()).isFalse();
            SiteTime berlin = new SiteTime(ZoneId.of("Europe/Berlin"), new DateFormat("j M Y O"), new DateFormat("g:i a"),
                    Locale.ENGLISH);
            assertThat(berlin.date(Instant.parse("2024-03-31T00:30:00Z")).text()).isEqualTo("31 Mar 2024 +0100");
            assertThat(berlin.date(Instant.parse("2024-03-31T01:30:00Z")).text()).isEqualTo("31 Mar 2024 +0200");
        }
    }

    @Nested
    class Wordpress_format_letters {
        private final ZonedDateTime moment = ZonedDateTime.of(2024, 6, 1, 14, 5, 9, 0, ZoneId.of("Europe/London"));

        private String format(String pattern) {
            return new DateFormat(pattern).format(moment, Locale.ENGLISH);
        }

        @Test
        void cover_the_formats_wordpress_offers() {
            assertThat(format("F j, Y")).isEqualTo("June 1, 2024");
            assertThat(format("Y-m-d")).isEqualTo("2024-06-01");
            assertThat(format("m/d/Y")).isEqualTo("06/01/2024");
            assertThat(format("d/m/Y")).isEqualTo("01/06/2024");
            assertThat(format("g:i a")).isEqualTo("2:05 pm");
            assertThat(format("g:i A")).isEqualTo("2:05 PM");
            assertThat(format("H:i")).isEqualTo("14:05");
            assertThat(format("l, jS F Y")).isEqualTo("Saturday, 1st June 2024");
            assertThat(format("D M j G:i:s T Y")).isEqualTo("Sat Jun 1 14:05:09 BST 2024");
            assertThat(format("c")).isEqualTo("2024-06-01T14:05:09+01:00");
        }

        @Test
        void print_escaped_letters_and_other_characters_as_they_are() {
            assertThat(format("\\T\\o\\d\\a\\y \\i\\s l.")).isEqualTo("Today is Saturday.");
            assertThat(format("j. F Y — H:i")).isEqualTo("1. June 2024 — 14:05");
        }

        @Test
        void give_english_ordinals() {
            DateFormat ordinal = new DateFormat("jS");
            assertThat(ordinal.format(moment.withDayOfMonth(2), Locale.ENGLISH)).isEqualTo("2nd");
            assertThat(ordinal.format(moment.withDayOfMonth(3), Locale.ENGLISH)).isEqualTo("3rd");
            assertThat(ordinal.format(moment.withDayOfMonth(11), Locale.ENGLISH)).isEqualTo("11th");
            assertThat(ordinal.format(moment.withDayOfMonth(22), Locale.ENGLISH)).isEqualTo("22nd");
        }

        @Test
        void name_months_and_days_in_the_sites_language() {
            assertThat(new DateFormat("l j. F Y").format(moment, Locale.GERMAN)).isEqualTo("Samstag 1. Juni 2024");
        }
    }
}
