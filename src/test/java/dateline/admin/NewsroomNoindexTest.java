package dateline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Role;
import dateline.testing.Http;
import dateline.web.Head;
import io.javalin.http.HandlerType;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Search engines are asked to list no page of the newsroom, nor the pages that lead into it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomNoindexTest {
    private static final String NOINDEX = "<meta name=\"robots\" content=\"noindex";

    private StaffedNewsroom newsroom;
    private Http http;

    @BeforeAll
    void openNewsroom() {
        newsroom = new StaffedNewsroom();
        http = newsroom.http();
    }

    @AfterAll
    void closeNewsroom() {
        newsroom.close();
    }

    @Test
    void every_newsroom_page_asks_not_to_be_listed() {
        StaffedNewsroom.Browser admin = newsroom.signedIn(Role.ADMINISTRATOR);
        int pages = 0;
        for (AdminRoute route : newsroom.table()) {
            if (route.method() != HandlerType.GET) continue;
            HttpResponse<String> page = http.get(newsroom.pathOf(route), "Cookie", admin.cookie());
            if (!page.headers().firstValue("content-type").orElse("").startsWith("text/html")) continue;
            assertThat(page.body()).as(route.path()).contains(NOINDEX);
            pages++;
        }
        assertThat(pages).isGreaterThan(10);
    }

    @Test
    void the_sign_in_pages_ask_not_to_be_listed() {
        for (String path : List.of("/login", "/forgot-password")) {
            HttpResponse<String> page = http.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains(NOINDEX);
        }
    }

    @Test
    void any_page_can_ask_not_to_be_listed_through_its_head() {
        Head head = Head.of("Search results", "", "https://example.org/search?q=x").noindex();
        assertThat(head.robots()).isEqualTo("noindex");
        assertThat(head.title()).isEqualTo("Search results");
    }

    @Test
    void robots_txt_keeps_crawlers_out_of_the_newsroom() {
        assertThat(http.get("/robots.txt").body()).contains("Disallow: /admin\n");
    }
}
