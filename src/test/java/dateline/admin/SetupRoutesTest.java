package dateline.admin;

import static dateline.testing.Pages.header;
import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Role;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SetupRoutesTest {
    private TestSite site;
    private Http http;

    @BeforeEach
    void openSite() {
        site = TestSite.serving();
        http = site.http();
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private Http.VisitorForm openForm() {
        return http.visitorForm("/setup");
    }

    private HttpResponse<String> submit(Http.VisitorForm form, Map<String, String> fields, String... headers) {
        return form.post("/setup", fields, headers);
    }

    private static Map<String, String> goodForm() {
        return Http.form("site_title", "The Harbour Times", "timezone", "Europe/Lisbon", "name", "Rita Alves",
                "email", "rita@example.org", "password", "tide tables and ferry times");
    }

    @Test
    void a_brand_new_site_leads_every_page_to_the_setup_form() {
        HttpResponse<String> front = http.get("/");
        assertThat(front.statusCode()).isEqualTo(303);
        assertThat(header(front, "location")).isEqualTo("/setup");
        assertThat(http.get("/2024/01/01/anything/").statusCode()).isEqualTo(303);
        assertThat(http.get("/healthz").statusCode()).isEqualTo(200);

        String form = http.get("/setup").body();
        assertThat(form).contains("name=\"site_title\"", "name=\"timezone\"", "name=\"name\"", "name=\"email\"",
                "name=\"password\"", "<label for=\"email\">", "autocomplete=\"new-password\"")
                .doesNotContain("name=\"code\"");
    }

    @Test
    void a_complete_form_sets_up_the_site_with_its_first_administrator() {
        HttpResponse<String> response = submit(openForm(), goodForm());
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(header(response, "location")).isEqualTo("/");

        assertThat(site.wiring().accounts().byEmail("rita@example.org")).get()
                .satisfies(a -> assertThat(a.role()).isEqualTo(Role.ADMINISTRATOR));
        assertThat(site.wiring().accounts().passwordMatches("rita@example.org", "tide tables and ferry times")).isTrue();
        assertThat(site.wiring().site().settings().timezone().getId()).isEqualTo("Europe/Lisbon");
        HttpResponse<String> front = http.get("/");
        assertThat(front.statusCode()).isEqualTo(200);
        assertThat(front.body()).contains("The Harbour Times");
        assertThat(header(http.get("/setup"), "location")).isEqualTo("/");
    }

    @Test
    void a_faulty_form_comes_back_with_a_message_at_each_field_and_everything_typed_kept() {
        HttpResponse<String> response = submit(openForm(), Http.form("site_title", "The <Harbour> Times",
                "timezone", "Europe/Lisbon", "name", "", "email", "rita-at-example", "password", "short"));
        assertThat(response.statusCode()).isEqualTo(422);
        String html = response.body();
        assertThat(html).contains("id=\"name-error\"", "id=\"email-error\"", "id=\"password-error\"")
                .contains("value=\"The &lt;Harbour> Times\"", "value=\"rita-at-example\"", "value=\"short\"")
                .contains("<option value=\"Europe/Lisbon\" selected>")
                .contains("aria-invalid=\"true\"");
        assertThat(site.wiring().accounts().any()).isFalse();
    }

    @Nested
    class From_another_machine {
        @Test
        void the_set_up_code_from_the_log_is_needed() {
            Http.VisitorForm session = openForm();
            HttpResponse<String> withoutCode = submit(session, goodForm(), "X-Forwarded-For", "203.0.113.9");
            assertThat(withoutCode.statusCode()).isEqualTo(422);
            assertThat(withoutCode.body()).contains("id=\"code-error\"", "value=\"rita@example.org\"");
            assertThat(site.wiring().accounts().any()).isFalse();

            Map<String, String> withCode = new java.util.LinkedHashMap<>(goodForm());
            withCode.put("code", site.wiring().site().setupToken());
            assertThat(submit(session, withCode, "X-Forwarded-For", "203.0.113.9").statusCode()).isEqualTo(303);
            assertThat(site.wiring().accounts().any()).isTrue();
        }
    }

    @Nested
    class Forged_requests {
        @Test
        void a_cross_site_post_is_refused_and_changes_nothing() {
            Http.VisitorForm session = openForm();
            HttpResponse<String> response = submit(session, goodForm(), "Sec-Fetch-Site", "cross-site");
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(submit(session, goodForm(), "Origin", "https://evil.example").statusCode()).isEqualTo(403);
            assertThat(site.wiring().accounts().any()).isFalse();
        }

        @Test
        void a_post_without_the_forms_token_is_refused() {
            assertThat(http.post("/setup", goodForm()).statusCode()).isEqualTo(403);
            Http.VisitorForm session = openForm();
            Map<String, String> form = new java.util.LinkedHashMap<>(goodForm());
            form.put("csrf", "not-the-token");
            assertThat(http.post("/setup", form, "Cookie", session.cookie()).statusCode()).isEqualTo(403);
            assertThat(site.wiring().accounts().any()).isFalse();
        }

        @Test
        void a_same_origin_post_with_the_token_is_accepted() {
            HttpResponse<String> response = submit(openForm(), goodForm(), "Sec-Fetch-Site", "same-origin",
                    "Origin", site.baseUrl());
            assertThat(response.statusCode()).isEqualTo(303);
        }
    }
}
