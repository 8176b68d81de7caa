package dateline.search;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.testing.DemoSites;
import dateline.testing.HtmlChecker;
import dateline.testing.TestSite;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state of the search page passes the Nu HTML Checker without an error. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPagesValidityTest {
    private TestSite site;
    private final HtmlChecker checker = new HtmlChecker();
    private final Map<String, String> pages = new LinkedHashMap<>();

    @BeforeAll
    void buildSite() {
        site = TestSite.serving();
        DemoSites.fill(site, 40);
        pages.put("empty form", site.http().get("/search").body());
        pages.put("results", site.http().get("/search?q=minister").body());
        pages.put("second page of results", site.http().get("/search?q=the+minister&page=2").body());
        pages.put("results with filters", site.http().get("/search?q=minister&section=politics&from=2024-01-01&to=2024-06-30").body());
        pages.put("nothing found", site.http().get("/search?q=zebra&section=politics&from=2024-01-01").body());
        pages.put("refused", site.http().get("/search?q=-sport").body());
        pages.put("filters set aside", site.http().get("/search?q=minister&section=nowhere&from=soon").body());
    }

    @AfterAll
    void closeSite() {
        site.close();
    }

    Iterable<String> pageTypes() {
        return pages.keySet();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageTypes")
    void has_no_html_errors(String pageType) {
        assertThat(checker.errors(pages.get(pageType))).as(pageType).isEmpty();
    }
}
