package dateline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Role;
import dateline.site.DiscoverySettings;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The settings screen's feeds and publisher fields, sent as a browser sends the whole form. */
class DiscoverySettingsFormTest {
    private StaffedNewsroom newsroom;
    private StaffedNewsroom.Browser admin;

    @BeforeEach
    void openNewsroom() {
        newsroom = new StaffedNewsroom();
        admin = newsroom.signedIn(Role.ADMINISTRATOR);
    }

    @AfterEach
    void closeNewsroom() {
        newsroom.close();
    }

    /** The form's fields as the browser would send them, with some changed. */
    private Map<String, String> formWith(String... changed) {
        String html = newsroom.http().get("/admin/settings", "Cookie", admin.cookie()).body();
        FormElement form = (FormElement) Jsoup.parse(html).selectFirst("form.settings-form");
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().forEach(kv -> fields.put(kv.key(), kv.value()));
        for (int i = 0; i < changed.length; i += 2) fields.put(changed[i], changed[i + 1]);
        return fields;
    }

    private HttpResponse<String> save(Map<String, String> fields) {
        return newsroom.http().post("/admin/settings", fields, "Cookie", admin.cookie());
    }

    @Test
    void shows_the_stored_choices_and_keeps_new_ones() {
        Map<String, String> shown = formWith();
        assertThat(shown).containsEntry("feed_content", "full").containsEntry("feed_length", "20")
                .containsEntry("publisher_logo_url", "").containsEntry("policy_masthead", "");
        HttpResponse<String> saved = save(formWith("feed_content", "summary", "feed_length", "12",
                "publisher_logo_url", "https://example.org/logo.png", "policy_masthead", "Editor: Ed Itor."));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(newsroom.site().wiring().site().discovery()).isEqualTo(new DiscoverySettings(
                DiscoverySettings.FeedContent.SUMMARY, 12, "https://example.org/logo.png"));
        assertThat(newsroom.site().wiring().site().policies().masthead()).isEqualTo("Editor: Ed Itor.");
        assertThat(formWith()).containsEntry("feed_content", "summary").containsEntry("feed_length", "12");
    }

    @Test
    void refuses_a_logo_that_is_no_address_and_a_feed_length_that_is_no_number_and_keeps_nothing() {
        HttpResponse<String> refused = save(formWith("publisher_logo_url", "javascript:alert(1)", "feed_length", "many",
                "title", "Changed title"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"publisher_logo_url-error\"", "id=\"feed_length-error\"");
        assertThat(newsroom.site().wiring().site().discovery()).isEqualTo(DiscoverySettings.defaults());
        assertThat(newsroom.site().wiring().site().settings().title()).isNotEqualTo("Changed title");
    }
}
