package dateline.web;

import static dateline.testing.Pages.all;
import static dateline.testing.Pages.first;
import static org.assertj.core.api.Assertions.assertThat;

import dateline.testing.DemoSites;
import dateline.testing.Http;
import dateline.testing.HtmlChecker;
import dateline.testing.TestSite;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every type of public page that a demonstration site has passes the Nu HTML Checker without an error. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesValidityTest {
    private TestSite site;
    private TestSite fresh;
    private final HtmlChecker checker = new HtmlChecker();
    private final Map<String, String> pages = new LinkedHashMap<>();

    @BeforeAll
    void buildSites() {
        site = TestSite.serving();
        DemoSites.fill(site, 60);
        Http http = site.http();
        String front = http.get("/").body();
        pages.put("front page", front);
        pages.put("front page, older articles", http.get(first(front, "class=\"paging-older\" rel=\"next\" href=\"([^\"]+)\"")).body());
        for (String path : all(front, "<h2 class=\"card-headline\"><a href=\"([^\"]+)\"")) {
            String article = http.get(path).body();
            if (!pages.containsKey("article")) pages.put("article", article);
            if (article.contains("Last Updated on") && !pages.containsKey("significantly updated article")) {
                pages.put("significantly updated article", article);
            }
            if (article.contains("type-label") && !pages.containsKey("article of a labelled type")) {
                pages.put("article of a labelled type", article);
            }
        }
        String article = pages.get("article");
        pages.put("section", http.get(first(article, "<p class=\"article-section\">More in <a href=\"([^\"]+)\"")).body());
        pages.put("tag", http.get(first(article, "<a rel=\"tag\" href=\"([^\"]+)\"")).body());
        pages.put("author", http.get(first(article, "<a rel=\"author\" href=\"([^\"]+)\"")).body());
        pages.put("not found", http.get("/no/such/page").body());
        var editor = site.wiring().accounts().open(new dateline.accounts.NewAccount("pins@example.org", "Pia Editor",
                dateline.accounts.Role.EDITOR, null));
        var oldest = site.wiring().articles().latest(PageRequest.first(20)).items().get(19);
        site.wiring().articles().pin(oldest.id(), editor);
        String pinned = http.get("/").body();
        assertThat(pinned).contains("pinned-label");
        pages.put("front page with a pinned article", pinned);

        fresh = TestSite.serving();
        HttpResponse<String> setup = fresh.http().get("/setup");
        pages.put("setup", setup.body());
        String token = first(setup.body(), "name=\"csrf\" value=\"([^\"]+)\"");
        String cookie = dateline.testing.Pages.cookie(setup, "dateline_csrf");
        pages.put("setup with problems", fresh.http().post("/setup", Http.form("csrf", token, "site_title", "",
                "timezone", "UTC", "name", "", "email", "x", "password", "y"), "Cookie", "dateline_csrf=" + cookie).body());
        fresh.wiring().database().close();
        HttpResponse<String> failure = fresh.http().get("/setup");
        assertThat(failure.statusCode()).isEqualTo(500);
        pages.put("server error", failure.body());
    }

    @AfterAll
    void closeSites() {
        site.close();
        fresh.close();
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
