package dateline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.testing.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings are held in memory for the reads of one page, and the database says when they changed. */
class SettingsInMemoryTest {
    private TestSite site;
    private SiteService here;
    private SiteService otherServer;

    @BeforeEach
    void openSite() {
        site = TestSite.services();
        here = new SiteService(site.wiring().database().jdbi(), site.clock());
        otherServer = new SiteService(site.wiring().database().jdbi(), site.clock());
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    @Test
    void a_write_on_this_server_is_read_back_at_once() {
        here.settings();
        here.save(here.settings().withTitle("The Harbour Times"));
        assertThat(here.settings().title()).isEqualTo("The Harbour Times");
    }

    @Test
    void a_write_on_another_server_is_read_once_the_recheck_interval_has_passed() {
        assertThat(here.settings().title()).isNotEqualTo("The Harbour Times");
        otherServer.save(otherServer.settings().withTitle("The Harbour Times"));
        site.clock().advance(SiteService.RECHECK);
        assertThat(here.settings().title()).isEqualTo("The Harbour Times");
    }
}
