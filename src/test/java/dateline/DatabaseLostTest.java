package dateline;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.testing.Articles;
import dateline.testing.HtmlChecker;
import dateline.testing.Http;
import dateline.testing.MutableClock;
import dateline.testing.Pages;
import dateline.testing.TestSite;
import dateline.web.PageCache;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose PostgreSQL server goes away while it serves, and comes back: a server of the test's own, stopped and
 * started again on the same port and data, as a database restarted or a network cut for a while would be.
 */
class DatabaseLostTest {
    private static final String PASSWORD = "a long enough password for the desk";
    private static final String COMMENT = "The night buses stop there again.";

    @TempDir
    Path folder;
    private int port;
    private EmbeddedPostgres server;
    private final MutableClock clock = new MutableClock(TestSite.START);
    private TestSite node;
    private Article bridge;
    private Account alice;

    @BeforeEach
    void serveASiteOnItsOwnServer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        startDatabase();
        node = TestSite.node(server.getJdbcUrl("postgres", "postgres"), clock, Map.of());
        alice = node.anAuthor("Alice Moreau");
        node.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, PASSWORD));
        bridge = node.articles().anArticle().headline("Harbour bridge reopens").by(alice).publishedAt(TestSite.START)
                .article();
        clock.advance(Duration.ofHours(1));
    }

    @AfterEach
    void stop() throws IOException {
        if (node != null) node.close();
        if (server != null) server.close();
    }

    private void startDatabase() throws IOException {
        server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(folder.resolve("postgresql"))
                .setCleanDataDirectory(false)
                .start();
    }

    private void stopDatabase() throws IOException {
        server.close();
        server = null;
    }

    @Test
    void cached_pages_stay_writes_answer_503_with_nothing_stored_and_the_node_recovers_by_itself() throws Exception {
        Http http = node.http();
        http.get(bridge.path());
        http.get("/");
        Http.VisitorForm signIn = http.visitorForm("/login");
        HttpResponse<String> signedIn = signIn.post("/login", Http.form("email", "ed@example.org", "password", PASSWORD,
                "next", "/admin"), "Origin", node.baseUrl());
        String session = "dateline_session=" + Pages.cookie(signedIn, "dateline_session");
        String deskToken = Pages.first(http.get("/admin/articles/" + bridge.id(), "Cookie", session).body(),
                "name=\"csrf\" value=\"([^\"]+)\"");
        String formToken = Pages.first(http.get(bridge.path()).body(), "name=\"form_token\" id=\"form_token\" value=\"([^\"]*)\"");
        clock.advance(Duration.ofSeconds(20));

        stopDatabase();

        HttpResponse<String> page = http.get(bridge.path());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Harbour bridge reopens");
        HttpResponse<String> throughTheRoutes = http.get("/", "Cookie", signIn.cookie());
        assertThat(throughTheRoutes.statusCode()).isEqualTo(200);
        assertThat(throughTheRoutes.headers().firstValue(PageCache.STATUS_HEADER)).hasValue("hit");

        long start = System.nanoTime();
        HttpResponse<String> comment = postComment(formToken);
        System.out.printf("a comment posted without the database was answered %d after %d ms%n", comment.statusCode(),
                (System.nanoTime() - start) / 1_000_000);
        assertUnavailable(comment);
        assertThat(new HtmlChecker().errors(comment.body())).as("the page is valid HTML").isEmpty();
        assertUnavailable(http.post("/admin/articles/" + bridge.id(), Http.form("csrf", deskToken, "headline",
                "Harbour bridge closes again", "version", "1"), "Cookie", session, "Origin", node.baseUrl()));
        assertThat(http.get("/healthz").statusCode()).as("alive, so a supervisor leaves it be").isEqualTo(200);
        assertThat(http.get("/readyz").statusCode()).as("not ready, so a load balancer leaves it out").isEqualTo(503);

        startDatabase();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (http.get("/readyz").statusCode() != 200) {
            assertThat(System.nanoTime()).as("recovers within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(node.wiring().comments().everyOn(bridge.id())).as("nothing half-written").isEmpty();
        assertThat(node.wiring().articles().full(bridge.id()).orElseThrow().article().headline())
                .isEqualTo("Harbour bridge reopens");
        assertThat(postComment(formToken).statusCode()).as("the same form, sent again").isEqualTo(303);

        // hears other nodes' changes again: a command beside it publishes, and its cached front page shows it
        while (listeners() == 0) {
            assertThat(System.nanoTime()).as("listens again within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        while (!"hit".equals(http.get("/").headers().firstValue(PageCache.STATUS_HEADER).orElse(""))) {
            assertThat(System.nanoTime()).as("keeps the front page again").isLessThan(deadline);
            Thread.sleep(20);
        }
        try (Wiring command = Wiring.open(Settings.resolve(Map.of("data", folder.resolve("command").toString(),
                "database-url", server.getJdbcUrl("postgres", "postgres")), Map.of()), clock)) {
            new Articles(command.articles()).anArticle().headline("Ferry strike ends").by(alice).publishedAt(clock.instant());
        }
        long published = System.nanoTime();
        while (!http.get("/").body().contains("Ferry strike ends")) {
            assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(1));
            Thread.sleep(10);
        }
    }

    private HttpResponse<String> postComment(String formToken) {
        return node.http().post("/comments", Http.form("article", Long.toString(bridge.id()), "form_token", formToken,
                "comment", COMMENT, "name", "Rui", "email", "rui@example.net", "website", "", "parent", ""),
                "Origin", node.baseUrl());
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("Back in a moment", "Nothing was saved")
                .doesNotContain("Exception").doesNotContain("at dateline.");
    }

    private int listeners() {
        return node.wiring().database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND query LIKE 'LISTEN%'").mapTo(Integer.class).one());
    }
}
