package dateline.accounts;

import static dateline.testing.Pages.cookie;
import static dateline.testing.Pages.first;
import static dateline.testing.Pages.header;
import static org.assertj.core.api.Assertions.assertThat;

import dateline.testing.Http;
import dateline.testing.TestSite;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signing in and out through the real forms, as a browser does it: the session cookie a sign-in sets, what
 * signing out does on the server, where a sign-in may lead, and what a wrong guess is told. Every sign-in
 * checks an Argon2 hash (a fifth of a second), so the tests sign in only as often as they must.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionCookieTest {
    private static final String PASSWORD = "tide tables and ferry times";

    private TestSite site;
    private Http http;

    @BeforeAll
    void openSite() {
        site = TestSite.serving();
        http = site.http();
        for (String who : List.of("rita", "joao", "ines")) {
            site.wiring().accounts().open(new NewAccount(who + "@example.org", who + " Alves", Role.EDITOR, PASSWORD));
        }
    }

    @AfterAll
    void closeSite() {
        site.close();
    }

    /** The sign-in form as a browser holds it: the token in the form and the cookie that must come with it. */
    private record SignInForm(String token, String cookie) {}

    private SignInForm openSignInForm() {
        HttpResponse<String> form = http.get("/login");
        return new SignInForm(first(form.body(), "name=\"csrf\" value=\"([^\"]+)\""),
                "dateline_csrf=" + cookie(form, "dateline_csrf"));
    }

    private HttpResponse<String> signIn(SignInForm form, String email, String password, String next) {
        return http.post("/login", Http.form("csrf", form.token(), "email", email, "password", password, "next", next),
                "Cookie", form.cookie());
    }

    private HttpResponse<String> signIn(String email, String password) {
        return signIn(openSignInForm(), email, password, "/admin");
    }

    /** The Set-Cookie header that sets the session cookie, split into its attributes. */
    private static List<String> sessionCookieAttributes(HttpResponse<?> response) {
        String header = response.headers().allValues("set-cookie").stream()
                .filter(h -> h.startsWith("dateline_session=")).findFirst()
                .orElseThrow(() -> new AssertionError("No session cookie in " + response.headers().allValues("set-cookie")));
        return Arrays.stream(header.split(";")).skip(1).map(String::strip).map(a -> a.toLowerCase(Locale.ROOT)).toList();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class The_session_cookie {
        private HttpResponse<String> signedIn;

        @BeforeAll
        void signIn() {
            signedIn = SessionCookieTest.this.signIn("rita@example.org", PASSWORD);
        }

        @Test
        void is_set_by_signing_in_and_signs_in_the_newsroom() {
            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(header(signedIn, "location")).isEqualTo("/admin");
            String token = cookie(signedIn, "dateline_session");
            assertThat(http.get("/admin", "Cookie", "dateline_session=" + token).statusCode()).isEqualTo(200);
        }

        @Test
        void is_out_of_reach_of_scripts_and_of_other_sites_requests() {
            assertThat(sessionCookieAttributes(signedIn)).contains("httponly", "samesite=lax", "path=/");
        }

        @Test
        void lasts_no_longer_than_a_session_may() {
            assertThat(sessionCookieAttributes(signedIn)).contains("max-age=" + SessionService.LIFETIME.toSeconds());
        }

        @Test
        void is_not_marked_secure_on_a_site_served_over_http() {
            assertThat(site.baseUrl()).startsWith("http:");
            assertThat(sessionCookieAttributes(signedIn)).doesNotContain("secure");
        }
    }

    @Nested
    class Signing_out {
        @Test
        void ends_the_session_on_the_server_so_the_old_cookie_no_longer_signs_in() {
            String session = "dateline_session=" + cookie(signIn("joao@example.org", PASSWORD), "dateline_session");
            String csrf = first(http.get("/admin", "Cookie", session).body(), "name=\"csrf\" value=\"([^\"]+)\"");

            HttpResponse<String> out = http.post("/logout", Http.form("csrf", csrf), "Cookie", session);
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(header(out, "location")).isEqualTo("/login?done=signed-out");

            // the browser is told to forget the cookie, but a copy kept elsewhere is worth nothing either
            HttpResponse<String> again = http.get("/admin", "Cookie", session);
            assertThat(again.statusCode()).isEqualTo(303);
            assertThat(header(again, "location")).startsWith("/login");
            assertThat(site.wiring().sessions().identify(session.substring("dateline_session=".length()))).isEmpty();
        }
    }

    @Nested
    class After_signing_in {
        @Test
        void a_next_address_on_another_site_leads_to_the_newsroom_instead() {
            SignInForm form = openSignInForm();
            for (String offSite : List.of("https://evil.example/", "//evil.example/admin")) {
                HttpResponse<String> response = signIn(form, "rita@example.org", PASSWORD, offSite);
                assertThat(response.statusCode()).as("sign-in with next=%s", offSite).isEqualTo(303);
                assertThat(header(response, "location")).as("where next=%s leads", offSite).isEqualTo("/admin");
            }
        }

        @Test
        void a_signed_in_member_sent_to_sign_in_again_is_never_led_off_the_site() {
            String session = "dateline_session=" + cookie(signIn("ines@example.org", PASSWORD), "dateline_session");
            for (String offSite : List.of("https://evil.example/", "//evil.example", "/\\evil.example",
                    "http:evil.example", "javascript:alert(1)", " //evil.example")) {
                HttpResponse<String> response = http.get("/login?next=" + encoded(offSite), "Cookie", session);
                assertThat(response.statusCode()).as("next=%s", offSite).isEqualTo(303);
                assertThat(header(response, "location")).as("where next=%s leads", offSite).isEqualTo("/admin");
            }
            HttpResponse<String> onSite = http.get("/login?next=" + encoded("/admin/articles?status=draft"),
                    "Cookie", session);
            assertThat(header(onSite, "location")).isEqualTo("/admin/articles?status=draft");
        }

        @Test
        void the_sign_in_form_carries_no_off_site_address_to_go_to() {
            String form = http.get("/login?next=" + encoded("//evil.example")).body();
            assertThat(first(form, "name=\"next\" value=\"([^\"]*)\"")).isEqualTo("/admin");
        }
    }

    @Nested
    class A_failed_sign_in {
        @Test
        void says_the_same_for_a_wrong_password_as_for_an_unknown_address() {
            SignInForm form = openSignInForm();
            HttpResponse<String> wrongPassword = signIn(form, "rita@example.org", "not the right password", "/admin");
            HttpResponse<String> unknownAddress = signIn(form, "nobody@example.org", "not the right password", "/admin");

            assertThat(wrongPassword.statusCode()).isEqualTo(422);
            assertThat(unknownAddress.statusCode()).isEqualTo(422);
            assertThat(wrongPassword.body()).contains("The email address or the password is not right.");
            assertThat(wrongPassword.body().replace("rita@example.org", "ADDRESS"))
                    .isEqualTo(unknownAddress.body().replace("nobody@example.org", "ADDRESS"));
            assertThat(wrongPassword.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("dateline_session="));
        }

        @Test
        void five_times_for_one_address_makes_the_next_attempt_wait_even_with_the_right_password() {
            site.wiring().accounts().open(new NewAccount("tomas@example.org", "Tomas Alves", Role.AUTHOR, PASSWORD));
            SignInForm form = openSignInForm();
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(signIn(form, "tomas@example.org", "guess number " + attempt, "/admin").statusCode())
                        .as("attempt %d", attempt).isEqualTo(422);
            }

            HttpResponse<String> rightPassword = signIn(form, "tomas@example.org", PASSWORD, "/admin");
            assertThat(rightPassword.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(header(rightPassword, "retry-after"))).isPositive();
            assertThat(rightPassword.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("dateline_session="));
        }
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
