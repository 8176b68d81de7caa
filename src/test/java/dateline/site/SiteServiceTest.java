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
    void feeds_carry_whole_articles_and_the_site_icon_stands_for_the_logo_until_the_newsroom_says_otherwise() {
        DiscoverySettings discovery = service.discovery();
        assertThat(discovery.feedContent()).isEqualTo(DiscoverySettings.FeedContent.FULL);
        assertThat(discovery.feedLength()).isEqualTo(20);
        assertThat(discovery.logoUrl()).isEmpty();
        service.saveAll(service.settings(), new Policies("", "", "", "Editor: Ed."), service.smtp(), service.comments(),
                new DiscoverySettings(DiscoverySettings.FeedContent.SUMMARY, 5, " /media/logo.png "));
        DiscoverySettings again = new SiteService(site.wiring().database().jdbi()).discovery();
        assertThat(again).isEqualTo(new DiscoverySettings(DiscoverySettings.FeedContent.SUMMARY, 5, "/media/logo.png"));
        assertThat(service.policies().masthead()).isEqualTo("Editor: Ed.");
    }

    @Test
    void feed_and_logo_settings_that_make_no_sense_are_refused_whole() {
        for (String logo : new String[] {"logo.png", "javascript:alert(1)", "https://example.org/a b.png", "/x\"><script>"}) {
            DiscoverySettings bad = new DiscoverySettings(DiscoverySettings.FeedContent.FULL, 20, logo);
            assertThat(service.problemsWith(bad)).as(logo).containsKey("publisher_logo_url");
        }
        DiscoverySettings bad = new DiscoverySettings(null, 0, "");
        assertThat(service.problemsWith(bad)).containsKeys("feed_content", "feed_length");
        assertThatThrownBy(() -> service.saveAll(service.settings(), service.policies(), service.smtp(), service.comments(),
                new DiscoverySettings(DiscoverySettings.FeedContent.SUMMARY, 101, "")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsOnlyKeys("feed_length"));
        assertThat(service.discovery()).isEqualTo(DiscoverySettings.defaults());
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
