package dateline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.testing.Http;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The page cache on a real server, with pages whose renders are counted. */
class PageCacheTest {
    private static final String STATUS = PageCache.STATUS_HEADER;

    private final AtomicInteger renders = new AtomicInteger();
    private WebServer server;
    private Http http;
    private PageCache pages;

    /**
     * Serves {@code /pages/{n}/}: a page of about {@code size} bytes showing {@code page:n} and, when {@code n}
     * is a number, {@code group:} the rest of its division by three; counted and slowed.
     */
    private void serve(long cacheBytes, int size) {
        pages = PageCache.ofBytes(cacheBytes);
        RouteGroup routes = config -> {
            RouteGroup.readable(config, "/pages/{n}/", ctx -> {
                renders.incrementAndGet();
                Thread.sleep(50); // a render takes a while, so misses arriving together overlap
                String n = ctx.pathParam("n");
                PageCache.shows(ctx, "page:" + n);
                if (n.matches("\\d+")) PageCache.shows(ctx, "group:" + Integer.parseInt(n) % 3);
                if (n.equals("cookie")) ctx.cookie("reader", "one");
                String filler = "<p>Reader-independent words.</p>".repeat(Math.max(1, size / 32));
                HttpCaching.sendHtml(ctx, "<!doctype html><title>Page " + n + "</title>" + filler, null);
            });
            RouteGroup.readable(config, "/untagged/", ctx -> {
                renders.incrementAndGet();
                HttpCaching.sendHtml(ctx, "<p>Not declared</p>", null);
            });
        };
        server = new WebServer(new WebServer.Options("127.0.0.1", 0, new Csrf("http://localhost", Set.of(), "/api/"),
                ctx -> {}, ctx -> ctx.result("nothing here"), ctx -> {}, "failed", pages,
                ctx -> ctx.cookie("newsroom") != null, new WebServer.Unavailable(e -> false, "unavailable")),
                List.of(routes)).start();
        http = new Http("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Nested
    class Serving {
        @Test
        void the_second_reader_gets_the_first_readers_render_with_its_length_validators_and_vary() {
            serve(1_000_000, 4000);
            HttpResponse<String> first = http.get("/pages/1/");
            HttpResponse<String> second = http.get("/pages/1/");
            assertThat(header(first, STATUS)).isEqualTo("miss");
            assertThat(header(second, STATUS)).isEqualTo("hit");
            assertThat(renders).hasValue(1);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(header(second, "Content-Length")).isEqualTo(
                    Integer.toString(second.body().getBytes(StandardCharsets.UTF_8).length));
            assertThat(header(second, "Transfer-Encoding")).isNull();
            assertThat(header(second, "ETag")).isEqualTo(header(first, "ETag")).startsWith("W/\"");
            assertThat(header(second, "Vary")).isEqualTo("Accept-Encoding");
            assertThat(header(second, "Cache-Control")).isEqualTo(PageCache.CACHE_CONTROL);
        }

        @Test
        void a_reader_accepting_gzip_gets_the_bytes_compressed_once_which_unpack_to_the_plain_page() throws IOException {
            serve(1_000_000, 4000);
            String plain = http.get("/pages/1/").body();
            HttpResponse<byte[]> packed = http.getBytes("/pages/1/", "Accept-Encoding", "gzip");
            assertThat(header(packed, STATUS)).isEqualTo("hit");
            assertThat(header(packed, "Content-Encoding")).isEqualTo("gzip");
            assertThat(header(packed, "Content-Length")).isEqualTo(Integer.toString(packed.body().length));
            assertThat(packed.body().length).isLessThan(plain.length() / 4);
            try (var in = new GZIPInputStream(new ByteArrayInputStream(packed.body()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
            }
        }

        @Test
        void a_reader_holding_the_page_is_told_304_from_memory_and_head_reads_the_same_entry() {
            serve(1_000_000, 4000);
            String etag = header(http.get("/pages/1/"), "ETag");
            HttpResponse<String> again = http.get("/pages/1/", "If-None-Match", etag);
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(header(again, STATUS)).isEqualTo("hit");
            assertThat(again.body()).isEmpty();
            HttpResponse<String> head = http.head("/pages/1/");
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(header(head, STATUS)).isEqualTo("hit");
            assertThat(header(head, "ETag")).isEqualTo(etag);
            assertThat(renders).hasValue(1);
        }

        @Test
        void a_kept_page_answered_before_the_routes_carries_the_bytes_and_headers_the_routes_would_send() {
            serve(1_000_000, 4000);
            http.get("/pages/1/");
            HttpResponse<String> early = http.get("/pages/1/");
            HttpResponse<String> routed = http.get("/pages/1/", "Cookie", "theme=dark");
            assertThat(header(early, STATUS)).isEqualTo("hit");
            assertThat(header(routed, STATUS)).isEqualTo("hit");
            assertThat(early.body()).isEqualTo(routed.body());
            var withoutDate = new java.util.TreeMap<>(early.headers().map());
            withoutDate.remove("date");
            var routedWithoutDate = new java.util.TreeMap<>(routed.headers().map());
            routedWithoutDate.remove("date");
            assertThat(withoutDate).isEqualTo(routedWithoutDate).containsKey("content-security-policy");
            HttpResponse<byte[]> packed = http.getBytes("/pages/1/", "Accept-Encoding", "gzip");
            assertThat(header(packed, "Content-Encoding")).isEqualTo("gzip");
            assertThat(header(packed, "Content-Length")).isEqualTo(Integer.toString(packed.body().length));
            assertThat(renders).hasValue(1);
        }

        @Test
        void a_member_of_the_newsroom_gets_a_fresh_page_even_when_readers_get_a_kept_one() {
            serve(1_000_000, 1000);
            http.get("/pages/1/");
            assertThat(header(http.get("/pages/1/"), STATUS)).isEqualTo("hit");
            HttpResponse<String> personal = http.get("/pages/1/", "Cookie", "newsroom=yes");
            assertThat(header(personal, STATUS)).isEqualTo("bypass");
            assertThat(renders).hasValue(2);
        }

        @Test
        void only_the_parameters_that_change_a_page_make_a_key_and_others_are_answered_fresh() {
            serve(1_000_000, 1000);
            http.get("/pages/1/?before=abc");
            assertThat(header(http.get("/pages/1/?before=abc"), STATUS)).isEqualTo("hit");
            assertThat(header(http.get("/pages/1/?utm_source=x"), STATUS)).isEqualTo("bypass");
            assertThat(header(http.get("/pages/1/?utm_source=x"), STATUS)).isEqualTo("bypass");
            assertThat(renders).hasValue(3);
        }
    }

    @Nested
    class Never_kept {
        @Test
        void a_page_that_sets_a_cookie() {
            serve(1_000_000, 1000);
            HttpResponse<String> first = http.get("/pages/cookie/");
            assertThat(header(first, "Set-Cookie")).isNotNull();
            assertThat(header(http.get("/pages/cookie/"), STATUS)).isEqualTo("miss");
            assertThat(renders).hasValue(2);
        }

        @Test
        void a_page_for_one_reader_and_a_page_that_declared_nothing() {
            serve(1_000_000, 1000);
            HttpResponse<String> personal = http.get("/pages/1/", "Cookie", "newsroom=yes");
            assertThat(header(personal, STATUS)).isEqualTo("bypass");
            assertThat(header(personal, "Cache-Control")).isEqualTo("private, no-store");
            assertThat(header(http.get("/pages/1/"), STATUS)).isEqualTo("miss");
            http.get("/untagged/");
            assertThat(header(http.get("/untagged/"), STATUS)).isEqualTo("miss");
        }

        @Test
        void an_error() {
            serve(1_000_000, 1000);
            assertThat(http.get("/nowhere/").statusCode()).isEqualTo(404);
            assertThat(header(http.get("/nowhere/"), STATUS)).isEqualTo("miss");
        }
    }

    @Test
    void invalidating_a_tag_drops_only_the_pages_that_show_it() {
        serve(1_000_000, 1000);
        http.get("/pages/1/");
        http.get("/pages/2/");
        pages.invalidate(Set.of("page:1"));
        assertThat(header(http.get("/pages/1/"), STATUS)).isEqualTo("miss");
        assertThat(header(http.get("/pages/2/"), STATUS)).isEqualTo("hit");
        pages.invalidate(Set.of(PageTags.SITE));
        assertThat(header(http.get("/pages/2/"), STATUS)).isEqualTo("miss");
    }

    @Nested
    class Pages_under_each_tag {
        private String how(int n) {
            return header(http.get("/pages/" + n + "/"), STATUS);
        }

        @Test
        void invalidating_a_tag_drops_exactly_the_pages_that_show_it_and_forgets_them_under_every_tag() {
            serve(1_000_000, 1000);
            for (int n = 0; n < 9; n++) http.get("/pages/" + n + "/");
            assertThat(pages.pagesShowing("group:1")).isEqualTo(3);

            pages.invalidate(Set.of("group:1"));

            assertThat(pages.pagesShowing("group:1")).isZero();
            assertThat(pages.pagesShowing("page:4")).isZero();
            assertThat(pages.pagesShowing("group:0")).isEqualTo(3);
            assertThat(pages.pagesShowing("page:3")).isEqualTo(1);
            for (int n = 0; n < 9; n++) assertThat(how(n)).as("page " + n).isEqualTo(n % 3 == 1 ? "miss" : "hit");
            assertThat(pages.pagesShowing("group:1")).isEqualTo(3);
        }

        @Test
        void an_invalidation_of_thousands_of_tags_at_once_drops_the_pages_of_each_and_no_other() {
            serve(1_000_000, 1000);
            for (int n = 0; n < 9; n++) http.get("/pages/" + n + "/");
            Set<String> imported = new java.util.HashSet<>();
            for (int id = 0; id < 20_000; id++) imported.add(PageTags.article(id));
            imported.add("page:2");
            imported.add("page:5");

            pages.invalidate(imported);

            for (int n = 0; n < 9; n++) assertThat(how(n)).as("page " + n).isEqualTo(n == 2 || n == 5 ? "miss" : "hit");
        }

        @Test
        void a_page_evicted_for_room_is_forgotten_under_its_tags() {
            serve(200_000, 20_000);
            for (int n = 0; n < 40; n++) http.get("/pages/" + n + "/");
            int kept = 0;
            for (int n = 0; n < 40; n++) {
                int entered = pages.pagesShowing("page:" + n);
                boolean stored = pages.stored("/pages/" + n + "/") != null;
                assertThat(entered).as("page " + n).isEqualTo(stored ? 1 : 0);
                if (stored) kept++;
            }
            assertThat(kept).isPositive().isLessThan(40);
            int entered = 0;
            for (int group = 0; group < 3; group++) entered += pages.pagesShowing("group:" + group);
            assertThat(entered).isEqualTo(kept);
        }

        @Test
        void dropping_everything_forgets_every_tag() {
            serve(1_000_000, 1000);
            for (int n = 0; n < 9; n++) http.get("/pages/" + n + "/");
            pages.invalidate(Set.of(PageTags.SITE));
            for (int group = 0; group < 3; group++) assertThat(pages.pagesShowing("group:" + group)).isZero();
            assertThat(how(4)).isEqualTo("miss");
            assertThat(pages.pagesShowing("group:1")).isEqualTo(1);
        }
    }

    @Test
    void fifty_readers_missing_a_cold_page_at_once_wait_for_one_render() throws Exception {
        serve(1_000_000, 4000);
        int readers = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.get("/pages/7/");
                }));
            }
            start.countDown();
            Set<String> bodies = new java.util.HashSet<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> page = answer.get();
                assertThat(page.statusCode()).isEqualTo(200);
                bodies.add(page.body());
            }
            assertThat(bodies).hasSize(1);
            assertThat(renders).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_pages_kept_stay_within_the_byte_bound() {
        long bound = 200_000;
        serve(bound, 20_000);
        for (int n = 0; n < 40; n++) http.get("/pages/" + n + "/");
        assertThat(pages.weight()).isPositive().isLessThanOrEqualTo(bound);
    }
}
