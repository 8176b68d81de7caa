package dateline.admin;

import static dateline.testing.Pages.header;
import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.testing.Http;
import dateline.testing.TestSite;
import dateline.webhooks.Webhook;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhooks screen through the served site, as an administrator uses it. */
class WebhookRoutesTest {
    private TestSite site;
    private Http http;
    private String cookie;
    private String csrf;

    @BeforeEach
    void openSite() {
        site = TestSite.serving();
        http = site.http();
        Account admin = site.wiring().accounts().open(new NewAccount("ada@example.org", "Ada Admin", Role.ADMINISTRATOR, null));
        var session = site.wiring().sessions().begin(admin, "test");
        cookie = "dateline_session=" + session.token();
        csrf = session.signedIn().csrfToken();
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private HttpResponse<String> post(String path, String... fields) {
        Map<String, String> form = new LinkedHashMap<>(Http.form(fields));
        form.put("csrf", csrf);
        return http.post(path, form, "Cookie", cookie, "Origin", site.baseUrl());
    }

    @Test
    void an_administrator_adds_a_webhook_sees_its_secret_pauses_it_and_pings_it() {
        HttpResponse<String> added = post("/admin/webhooks", "url", "http://127.0.0.1:9/hooks",
                "events", "article.published");
        assertThat(added.statusCode()).isEqualTo(303);
        Webhook hook = site.wiring().webhooks().all().get(0);
        assertThat(header(added, "location")).isEqualTo("/admin/webhooks/" + hook.id() + "?done=added");

        HttpResponse<String> page = http.get("/admin/webhooks/" + hook.id(), "Cookie", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(hook.secret()).contains("article.published");

        assertThat(post("/admin/webhooks/" + hook.id() + "/pause").statusCode()).isEqualTo(303);
        assertThat(site.wiring().webhooks().byId(hook.id()).orElseThrow().active()).isFalse();
        assertThat(post("/admin/webhooks/" + hook.id() + "/ping").statusCode()).isEqualTo(303);
        assertThat(http.get("/admin/webhooks/" + hook.id(), "Cookie", cookie).body()).contains("<code>ping</code>");
    }

    @Test
    void a_refused_address_is_answered_422_with_the_message_at_the_field_and_what_was_typed() {
        HttpResponse<String> refused = post("/admin/webhooks", "url", "ftp://example.org/hooks", "events", "comment.approved");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"url-error\"").contains("https://")
                .contains("value=\"ftp://example.org/hooks\"").contains("value=\"comment.approved\" checked");
        assertThat(site.wiring().webhooks().all()).isEmpty();
    }

    @Test
    void unknown_or_malformed_webhooks_and_deliveries_are_answered_404() {
        Webhook hook = site.wiring().webhooks().add("http://127.0.0.1:9/hooks",
                java.util.Set.of(dateline.webhooks.WebhookEvent.ARTICLE_UPDATED),
                site.wiring().accounts().byEmail("ada@example.org").orElseThrow());

        assertThat(http.get("/admin/webhooks/999999", "Cookie", cookie).statusCode()).isEqualTo(404);
        assertThat(http.get("/admin/webhooks/not-a-number", "Cookie", cookie).statusCode()).isEqualTo(404);
        assertThat(post("/admin/webhooks/" + hook.id() + "/deliveries/424242/redeliver").statusCode()).isEqualTo(404);
        assertThat(post("/admin/webhooks/" + hook.id() + "/deliveries/x/redeliver").statusCode()).isEqualTo(404);
        assertThat(post("/admin/webhooks/" + hook.id() + "/delete").statusCode()).isEqualTo(422);
        assertThat(post("/admin/webhooks/" + hook.id() + "/delete", "confirm", "yes").statusCode()).isEqualTo(303);
        assertThat(site.wiring().webhooks().all()).isEmpty();
    }
}
