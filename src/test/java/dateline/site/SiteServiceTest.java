package dateline.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.testing.TestSite;
import dateline.web.InvalidInput;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SiteServiceTest {
    private TestSite site;
    private SiteService service;

    @BeforeEach
    void openSite() {
        site = TestSite.services();
        service = site.wiring().site();
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    @Test
    void a_new_site_has_the_defaults_a_wordpress_site_has() {
        SiteSettings settings = service.settings();
        assertThat(settings.dateFormat()).isEqualTo("F j, Y");
        assertThat(settings.timeFormat()).isEqualTo("g:i a");
        assertThat(settings.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(settings.language()).isEqualTo("en");
    }

    @Test
    void saved_settings_are_read_back_by_every_reader_of_the_database() {
        service.save(service.settings().withTitle("The Harbour Times").withTimezone(ZoneId.of("Europe/Lisbon")));
        SiteSettings again = new SiteService(site.wiring().database().jdbi()).settings();
        assertThat(again.title()).isEqualTo("The Harbour Times");
        assertThat(again.timezone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
    }

    @Test
    void invalid_settings_are_refused_whole() {
        SiteSettings bad = new SiteSettings(" ", "", ZoneId.of("UTC"), "F j, Y", "g:i a", "not a language!", 0,
                true, 0, 10);
        assertThatThrownBy(() -> service.save(bad)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).containsKeys("title", "language", "articles_per_page"));
        assertThat(service.settings().title()).isEqualTo("Dateline");
    }

    @Test
    void the_setup_code_is_made_once_and_forgotten_after_setup() {
        String code = service.setupToken();
        assertThat(code).hasSizeGreaterThanOrEqualTo(20);
        assertThat(service.setupToken()).isEqualTo(code);
        service.forgetSetupToken();
        assertThat(service.setupToken()).isNotEqualTo(code);
    }
}
