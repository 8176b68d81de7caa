package dateline.pages;

import static dateline.testing.Pages.header;
import static org.assertj.core.api.Assertions.assertThat;

import dateline.articles.BodyFormat;
import dateline.articles.FullArticle;
import dateline.articles.Section;
import dateline.testing.HtmlChecker;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PageRoutesTest {
    private final TestSite site = TestSite.serving();
    private final Http http = site.http();
    private final PageService pages = site.wiring().pages();
    private final dateline.accounts.Account author = site.anAuthor("Ana Ferreira");

    @AfterEach
    void close() {
        site.close();
    }

    private Page published(String title, String slug, Long parent, String body) {
        Page page = pages.create(new PageDraft(title, slug, parent, BodyFormat.MARKDOWN, body));
        return pages.publish(page.id());
    }

    @Nested
    class A_page {
        @Test
        void once_published_is_served_at_its_slug_with_its_title_and_text_and_no_dates() {
            published("About us", "about", null, "We report on **the harbour**.");
            HttpResponse<String> response = http.get("/about/");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("<title>About us – ", "<h1 class=\"page-heading\">About us</h1>",
                    "<strong>the harbour</strong>", "<link rel=\"canonical\" href=\"" + site.baseUrl() + "/about/\">",
                    "\"@type\":\"WebPage\"", "property=\"og:title\" content=\"About us\"")
                    .doesNotContain("NewsArticle", "<time", "comment-form");
        }

        @Test
        void as_a_draft_is_not_found() {
            pages.create(new PageDraft("Secret plans", "plans", null, BodyFormat.MARKDOWN, "Hidden"));
            HttpResponse<String> response = http.get("/plans/");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Hidden");
        }

        @Test
        void under_a_parent_lives_at_the_parents_path_with_breadcrumbs() {
            Page about = published("About us", "about", null, "");
            published("Our team", "team", about.id(), "The people.");
            HttpResponse<String> response = http.get("/about/team/");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("aria-label=\"Breadcrumbs\"", "<a href=\"/about/\">About us</a>",
                    "The people.");
        }

        @Test
        void answers_its_old_address_with_a_permanent_redirect_after_a_new_slug() {
            Page page = published("About us", "about", null, "");
            pages.update(page.id(), new PageDraft("About us", "about-us", null, BodyFormat.MARKDOWN, ""));
            HttpResponse<String> response = http.get("/about/");
            assertThat(response.statusCode()).isEqualTo(301);
            assertThat(header(response, "location")).isEqualTo("/about-us/");
        }

        @Test
        void without_its_trailing_slash_moves_to_it_while_an_unknown_address_stays_a_404() {
            published("About us", "about", null, "");
            HttpResponse<String> response = http.get("/about");
            assertThat(response.statusCode()).isEqualTo(301);
            assertThat(header(response, "location")).isEqualTo("/about/");
            assertThat(http.get("/nothing-here").statusCode()).isEqualTo(404);
            assertThat(http.get("/nothing/here/").statusCode()).isEqualTo(404);
        }

        @Test
        void four_and_five_levels_deep_is_served_though_its_address_has_the_shape_of_an_articles() {
            Page about = published("About us", "about", null, "");
            Page team = published("Our team", "team", about.id(), "");
            Page desk = published("The desk", "desk", team.id(), "");
            published("Night shift", "night", desk.id(), "Who works at night.");
            Page history = published("History", "history", pages.find("/about/team/desk/night/") instanceof PageLookup.Found f
                    ? f.page().id() : null, "Since 1921.");
            assertThat(history.path()).isEqualTo("/about/team/desk/night/history/");
            HttpResponse<String> fourDeep = http.get("/about/team/desk/night/");
            assertThat(fourDeep.statusCode()).isEqualTo(200);
            assertThat(fourDeep.body()).contains("Who works at night.", "<a href=\"/about/team/desk/\">The desk</a>");
            assertThat(http.get("/about/team/desk/night/history/").body()).contains("Since 1921.");
            assertThat(http.get("/about/team/desk/day/").statusCode()).isEqualTo(404);
        }

        @Test
        void answers_head_like_get() {
            published("About us", "about", null, "");
            assertThat(http.head("/about/").statusCode()).isEqualTo(200);
        }

        @Test
        void passes_the_html_checker() {
            Page about = published("About us", "about", null, "## Who\n\nWe report.");
            published("Our team", "team", about.id(), "The people.");
            assertThat(new HtmlChecker().errors(http.get("/about/team/").body())).isEmpty();
        }
    }

    @Nested
    class Nothing_is_shadowed {
        @Test
        void the_sites_own_addresses_answer_as_before() {
            Section news = site.wiring().articles().openSection("News", "");
            FullArticle article = site.articles().anArticle().headline("Storm warning").in(news.id()).by(author)
                    .publishedAt(site.clock().instant());
            assertThat(http.get("/").statusCode()).isEqualTo(200);
            assertThat(http.get("/feed/").statusCode()).isEqualTo(200);
            assertThat(http.get("/search?q=storm").statusCode()).isEqualTo(200);
            assertThat(http.get("/sections/news/").statusCode()).isEqualTo(200);
            assertThat(http.get("/sections/none/").statusCode()).isEqualTo(404);
            assertThat(http.get(article.article().path()).body()).contains("Storm warning");
            assertThat(http.get("/robots.txt").statusCode()).isEqualTo(200);
        }

        @Test
        void every_first_part_of_the_sites_own_routes_is_refused_as_a_page_slug() {
            List<String> firsts = site.wiring().routePaths().stream()
                    .filter(path -> path.startsWith("/") && !path.equals("/<path>") && !path.equals("/"))
                    .map(path -> path.substring(1).split("/")[0])
                    .distinct().toList();
            assertThat(firsts).as("first parts of %s", site.wiring().routePaths()).isNotEmpty().contains("admin", "feed", "sections");
            for (String first : firsts) {
                if (first.equals("{year}")) continue; // a year: four digits, refused as such
                assertThat(PageRules.isReserved(first)).as(site.wiring().routePaths() + ": /" + first + "/ is refused as a page's slug").isTrue();
            }
            assertThat(PageRules.isReserved("2031")).isTrue();
        }
    }

    @Nested
    class Menus {
        @Test
        void a_fresh_site_shows_its_sections_in_the_header_as_before() {
            site.wiring().articles().openSection("News", "");
            assertThat(http.get("/").body()).contains("<nav class=\"site-nav\" aria-label=\"Sections\">",
                    "<a href=\"/sections/news/\"");
        }

        @Test
        void the_header_and_footer_show_the_menus_in_the_arranged_order() {
            Section news = site.wiring().articles().openSection("News", "");
            Page about = published("About us", "about", null, "");
            Page ethics = published("Ethics policy", "ethics-code", null, "");
            pages.addPageToMenu(Menu.HEADER, about.id());
            pages.addSectionToMenu(Menu.HEADER, news.id());
            pages.addLinkToMenu(Menu.FOOTER, "Send us tips", "https://tips.example.org/");
            pages.addPageToMenu(Menu.FOOTER, ethics.id());
            pages.moveUp(pages.menuItems().stream().filter(i -> i.sectionId() != null).findFirst().orElseThrow().id());

            String home = http.get("/").body();
            String nav = home.substring(home.indexOf("site-nav"), home.indexOf("</nav>", home.indexOf("site-nav")));
            assertThat(nav.indexOf("/sections/news/")).isPositive().isLessThan(nav.indexOf("/about/"));
            String footer = home.substring(home.indexOf("site-footer"));
            assertThat(footer.indexOf("https://tips.example.org/")).isPositive()
                    .isLessThan(footer.indexOf("/ethics-code/"));
            assertThat(http.get("/about/").body()).contains("<a href=\"/about/\" aria-current=\"page\">About us</a>");
        }
    }
}
