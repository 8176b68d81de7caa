package dateline;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.articles.FullArticle;
import dateline.mail.Mail;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code /metrics}, {@code /readyz}: what an operator's scraper and load balancer see. */
class MonitoringTest {
    private static final String TOKEN = "a-metrics-token-long-enough";

    private static FullArticle anArticle(TestSite site) {
        return site.articles().anArticle().headline("Harbour bridge reopens").by(site.anAuthor("Dana Desk"))
                .publishedAt(TestSite.START.minusSeconds(3600));
    }

    /** The value of one series, such as {@code name{label="value",…}}, or -1 when the scrape has no such series. */
    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Nested
    class On_the_sites_own_port {
        @Test
        void metrics_do_not_exist_without_a_token() {
            try (TestSite site = TestSite.serving()) {
                assertThat(site.http().get("/metrics").statusCode()).isEqualTo(404);
                assertThat(site.http().get("/metrics", "Authorization", "Bearer anything").statusCode()).isEqualTo(404);
            }
        }

        @Test
        void metrics_need_the_token() {
            try (TestSite site = TestSite.serving(Map.of("DATELINE_METRICS_TOKEN", TOKEN))) {
                HttpResponse<String> none = site.http().get("/metrics");
                assertThat(none.statusCode()).isEqualTo(401);
                assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
                assertThat(none.body()).doesNotContain(TOKEN);
                assertThat(site.http().get("/metrics", "Authorization", "Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
                assertThat(site.http().get("/metrics", "Authorization", TOKEN).statusCode()).isEqualTo(401);
                HttpResponse<String> scrape = site.http().get("/metrics", "Authorization", "Bearer " + TOKEN);
                assertThat(scrape.statusCode()).isEqualTo(200);
                assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
                assertThat(scrape.headers().firstValue("Cache-Control")).hasValue("no-store");
            }
        }

        @Test
        void a_token_too_short_to_resist_guessing_is_refused_at_start() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                            Settings.resolve(Map.of(), Map.of("DATELINE_METRICS_TOKEN", "short")))
                    .isInstanceOf(Settings.BadSetting.class).hasMessageNotContaining("short");
        }
    }

    @Test
    void requests_are_counted_by_route_pattern_and_status_never_by_address() {
        try (TestSite site = TestSite.serving(Map.of("DATELINE_METRICS_TOKEN", TOKEN))) {
            FullArticle article = anArticle(site);
            Http http = site.http();
            assertThat(http.get(article.article().path()).statusCode()).isEqualTo(200);
            for (int i = 0; i < 25; i++) http.get("/2019/01/0" + (i % 9 + 1) + "/no-such-story-" + i + "/");
            for (int i = 0; i < 25; i++) http.get("/robots-probe-" + i + ".php");

            String scrape = http.get("/metrics", "Authorization", "Bearer " + TOKEN).body();

            assertThat(value(scrape, "http_server_requests_seconds_count{method=\"GET\",route=\"/{year}/{month}/{day}/{slug}/\",status=\"200\"}"))
                    .isEqualTo(1);
            assertThat(value(scrape, "http_server_requests_seconds_count{method=\"GET\",route=\"/{year}/{month}/{day}/{slug}/\",status=\"404\"}"))
                    .isEqualTo(25);
            assertThat(scrape).doesNotContain("no-such-story").doesNotContain("robots-probe")
                    .doesNotContain(article.article().path());
            long series404 = scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")
                    && l.contains("status=\"404\"")).count();
            assertThat(series404).as("one series per route pattern, whatever the addresses").isLessThanOrEqualTo(2);
            assertThat(scrape).contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/{year}/{month}/{day}/{slug}/\",status=\"200\",le=\"0.05\"}");
        }
    }

    @Test
    void page_cache_hits_and_misses_are_counted_including_those_answered_before_the_routes() {
        try (TestSite site = TestSite.serving(Map.of("DATELINE_METRICS_TOKEN", TOKEN))) {
            String path = anArticle(site).article().path();
            Http http = site.http();
            String before = http.get("/metrics", "Authorization", "Bearer " + TOKEN).body();
            assertThat(http.get(path).headers().firstValue("X-Page-Cache")).hasValue("miss");
            assertThat(http.get(path).headers().firstValue("X-Page-Cache")).hasValue("hit");
            assertThat(http.get(path).headers().firstValue("X-Page-Cache")).hasValue("hit");
            assertThat(http.get(path, "If-None-Match", "\"other\"").headers().firstValue("X-Page-Cache")).hasValue("hit");

            String after = http.get("/metrics", "Authorization", "Bearer " + TOKEN).body();

            String jetty = "dateline_page_cache_requests_total{answered_by=\"jetty\",result=\"hit\"}";
            String routes = "dateline_page_cache_requests_total{answered_by=\"routes\",result=\"hit\"}";
            String misses = "dateline_page_cache_requests_total{answered_by=\"routes\",result=\"miss\"}";
            assertThat(value(after, jetty) - value(before, jetty)).isEqualTo(2);
            assertThat(value(after, routes) - value(before, routes)).isEqualTo(1);
            assertThat(value(after, misses) - value(before, misses)).as("the page, and the first scrape").isEqualTo(2);
            assertThat(value(after, "http_server_requests_seconds_count{method=\"GET\",route=\"page-cache\",status=\"200\"}"))
                    .isEqualTo(1);
        }
    }

    @Test
    void the_pool_the_outboxes_and_the_jvm_are_reported() {
        try (TestSite site = TestSite.serving(Map.of("DATELINE_METRICS_TOKEN", TOKEN))) {
            site.wiring().mail().enqueue(new Mail("reader@example.net", "Your comment", "Thank you.")); // no relay: it waits
            String scrape = site.http().get("/metrics", "Authorization", "Bearer " + TOKEN).body();
            assertThat(value(scrape, "dateline_outbox_backlog{outbox=\"mail\"}")).isEqualTo(1);
            assertThat(value(scrape, "dateline_outbox_backlog{outbox=\"webhooks\"}")).isZero();
            assertThat(value(scrape, "hikaricp_connections_max{pool=\"dateline\"}")).isPositive();
            assertThat(scrape).contains("hikaricp_connections_active{pool=\"dateline\"}")
                    .contains("hikaricp_connections_acquire_seconds_count")
                    .contains("jvm_memory_used_bytes{")
                    .contains("jvm_threads_live_threads ")
                    .contains("jvm_gc_")
                    .contains("process_uptime_seconds ")
                    .doesNotContain("reader@example.net");
        }
    }

    @Test
    void the_metrics_port_serves_them_on_the_loopback_interface_without_a_token() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (TestSite site = TestSite.serving(Map.of("DATELINE_METRICS_PORT", Integer.toString(port)))) {
            Http metrics = new Http("http://127.0.0.1:" + port);
            HttpResponse<String> scrape = metrics.get("/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("jvm_threads_live_threads");
            assertThat(metrics.get("/").statusCode()).isEqualTo(404);
            assertThat(site.http().get("/metrics").statusCode()).as("not on the site's port").isEqualTo(404);
        }
    }

    @Nested
    class Readiness {
        @Test
        void a_node_whose_database_answers_and_is_migrated_is_ready() {
            try (TestSite site = TestSite.serving()) {
                HttpResponse<String> ready = site.http().get("/readyz");
                assertThat(ready.statusCode()).isEqualTo(200);
                assertThat(ready.body()).contains("\"migrations\":\"applied\"").contains("\"database\":\"reachable\"");
                assertThat(ready.headers().firstValue("Cache-Control")).hasValue("no-store");
            }
        }

        @Test
        void a_node_whose_database_is_gone_is_not_ready_but_still_alive() {
            try (TestSite site = TestSite.serving()) {
                site.wiring().database().close();
                HttpResponse<String> ready = site.http().get("/readyz");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("\"database\":\"unreachable\"");
            }
        }
    }
}
