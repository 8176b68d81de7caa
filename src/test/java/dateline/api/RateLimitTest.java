package dateline.api;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Role;
import dateline.api.ApiSite.Answer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The API's limits: per client address without a token, per token with one; a 429 says how long to wait. */
class RateLimitTest {
    @Test
    void an_address_without_a_token_is_limited_and_told_when_to_come_back_while_a_token_still_works() {
        try (ApiSite api = new ApiSite()) {
            for (int i = 0; i < ApiLimits.ANONYMOUS_PER_MINUTE; i++) {
                assertThat(api.get("/api/v1/sections").status()).as("request %d", i + 1).isEqualTo(200);
            }
            Answer limited = api.get("/api/v1/sections");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.code()).isEqualTo("rate_limited");
            assertThat(limited.raw().headers().firstValue("retry-after")).hasValueSatisfying(
                    s -> assertThat(Long.parseLong(s)).isBetween(1L, 60L));
            assertThat(api.get("/api/v1/sections", api.token(Role.AUTHOR)).status()).as("a token has its own bucket")
                    .isEqualTo(200);
            api.site().clock().advance(Duration.ofMinutes(1));
            assertThat(api.get("/api/v1/sections").status()).as("after a minute").isEqualTo(200);
        }
    }

    @Test
    void a_token_is_limited_on_its_own_and_says_what_remains() {
        try (ApiSite api = new ApiSite()) {
            String token = api.token(Role.EDITOR);
            Answer first = api.get("/api/v1/tags", token);
            assertThat(first.raw().headers().firstValue("x-ratelimit-remaining"))
                    .hasValue(Long.toString(ApiLimits.TOKEN_PER_MINUTE - 1));
            for (int i = 1; i < ApiLimits.TOKEN_PER_MINUTE; i++) api.get("/api/v1/tags", token);
            Answer limited = api.get("/api/v1/tags", token);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.code()).isEqualTo("rate_limited");
            assertThat(api.get("/api/v1/tags", api.token(Role.AUTHOR)).status()).as("another token").isEqualTo(200);
        }
    }
}
