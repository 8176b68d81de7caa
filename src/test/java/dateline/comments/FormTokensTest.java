package dateline.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormTokensTest {
    private static final Instant LOADED = Instant.parse("2024-06-20T07:38:00Z");
    private static final Duration MINIMUM = Duration.ofSeconds(3);
    private final FormTokens tokens = new FormTokens(new Keyed("this site's secret".getBytes(StandardCharsets.UTF_8)));
    private final String token = tokens.issue(42, LOADED);

    @Test
    void the_site_key_set_up_once_signs_and_hashes_exactly_as_the_secret_itself_on_any_thread() throws Exception {
        byte[] secret = "this site's secret".getBytes(StandardCharsets.UTF_8);
        Keyed.Key key = new Keyed.Key(secret);
        Keyed direct = new Keyed(secret);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> same = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String text = "text " + i;
                String expected = direct.signed(text) + direct.hashed(text);
                same.add(threads.submit(() -> {
                    Keyed copy = key.keyed();
                    return expected.equals(copy.signed(text) + copy.hashed(text));
                }));
            }
            for (var f : same) assertThat(f.get()).isTrue();
        } finally {
            threads.shutdown();
        }
        assertThat(new FormTokens(key.keyed()).issue(42, LOADED)).isEqualTo(token);
    }

    @Nested
    class A_token_from_the_page {
        @Test
        void is_good_from_the_minimum_filling_time_until_a_day_later() {
            assertThat(tokens.doubt(token, 42, LOADED.plusSeconds(3), MINIMUM)).isEmpty();
            assertThat(tokens.doubt(token, 42, LOADED.plus(Duration.ofHours(23)), MINIMUM)).isEmpty();
            assertThat(tokens.doubt(token, 42, LOADED.plus(FormTokens.LIFETIME), MINIMUM)).isEmpty();
        }

        @Test
        void sent_sooner_than_a_person_could_type_is_a_machines() {
            assertThat(tokens.doubt(token, 42, LOADED, MINIMUM)).hasValueSatisfying(reason ->
                    assertThat(reason).isEqualTo("sent 0 seconds after the page was loaded; a person takes at least 3"));
            assertThat(tokens.doubt(token, 42, LOADED.plusSeconds(1), MINIMUM)).hasValueSatisfying(reason ->
                    assertThat(reason).startsWith("sent 1 second after"));
            assertThat(tokens.doubt(token, 42, LOADED.plusMillis(2999), MINIMUM)).isPresent();
        }

        @Test
        void with_the_timer_turned_off_only_its_signature_and_age_count() {
            assertThat(tokens.doubt(token, 42, LOADED, Duration.ZERO)).isEmpty();
        }

        @Test
        void expires_a_day_after_its_page_was_made() {
            assertThat(tokens.doubt(token, 42, LOADED.plus(FormTokens.LIFETIME).plusSeconds(1), MINIMUM))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("expired"));
            assertThat(tokens.isCurrent(token, 42, LOADED.plus(Duration.ofHours(25)))).isFalse();
        }

        @Test
        void is_the_same_for_every_reader_of_the_page_in_that_second() {
            assertThat(tokens.issue(42, LOADED.plusMillis(900))).isEqualTo(token);
            assertThat(tokens.issue(42, LOADED.plusSeconds(1))).isNotEqualTo(token);
        }
    }

    @Nested
    class A_token_not_from_the_page {
        @Test
        void missing_is_a_form_sent_without_loading_the_page() {
            assertThat(tokens.doubt(null, 42, LOADED.plusSeconds(60), MINIMUM)).hasValueSatisfying(reason ->
                    assertThat(reason).contains("without the form’s token"));
            assertThat(tokens.doubt("  ", 42, LOADED.plusSeconds(60), MINIMUM)).isPresent();
        }

        @Test
        void forged_in_any_way_is_refused() {
            Instant later = LOADED.plusSeconds(60);
            String signature = token.substring(token.indexOf('.') + 1);
            String earlier = (LOADED.getEpochSecond() - 600) + "." + signature;
            String otherSecret = new FormTokens(new Keyed("another secret".getBytes(StandardCharsets.UTF_8))).issue(42, LOADED);
            String flipped = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
            for (String forged : new String[] {earlier, otherSecret, flipped, "1718868480", "1718868480.", ".abc",
                    "x.y", "-1." + signature, "١٧١٨٨٦٨٤٨٠." + signature, token + token, "9".repeat(200)}) {
                assertThat(tokens.doubt(forged, 42, later, MINIMUM)).as(forged).hasValueSatisfying(reason ->
                        assertThat(reason).contains("not the site’s"));
            }
        }

        @Test
        void a_token_of_another_article_does_not_serve() {
            assertThat(tokens.doubt(token, 43, LOADED.plusSeconds(60), MINIMUM)).isPresent();
        }

        @Test
        void one_made_in_the_future_is_forged_beyond_a_little_difference_between_clocks() {
            String ahead = tokens.issue(42, LOADED.plusSeconds(10));
            assertThat(tokens.issuedAt(ahead, 42)).isPresent();
            assertThat(tokens.doubt(ahead, 42, LOADED, Duration.ZERO)).isEmpty();
            String farAhead = tokens.issue(42, LOADED.plusSeconds(3600));
            assertThat(tokens.doubt(farAhead, 42, LOADED, Duration.ZERO)).isPresent();
        }
    }
}
