package dateline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.ArticleLookup;
import dateline.imports.DatelineJsonReader;
import dateline.imports.Wxr;
import dateline.testing.DemoSites;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The import and export screen through the served site, as an administrator uses it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferRoutesTest {
    private TestSite source;
    private byte[] export;

    @BeforeAll
    void exportADemoSite() {
        source = TestSite.services();
        DemoSites.fill(source, 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        source.wiring().exports().writeJson(out);
        export = out.toByteArray();
    }

    @AfterAll
    void close() {
        source.close();
    }

    /** An empty served site with an administrator and an editor signed in. */
    static final class Newsroom implements AutoCloseable {
        final TestSite site = TestSite.serving();
        final Http http = site.http();
        final String cookie;
        final String csrf;
        final String editorCookie;

        Newsroom() {
            Account admin = site.wiring().accounts().open(new NewAccount("ada@example.org", "Ada Admin", Role.ADMINISTRATOR, null));
            var session = site.wiring().sessions().begin(admin, "test");
            cookie = "dateline_session=" + session.token();
            csrf = session.signedIn().csrfToken();
            Account editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Editor", Role.EDITOR, null));
            editorCookie = "dateline_session=" + site.wiring().sessions().begin(editor, "test").token();
        }

        HttpResponse<String> upload(String name, byte[] content, String... fields) {
            Map<String, String> form = new java.util.LinkedHashMap<>(Http.form(fields));
            form.put("csrf", csrf);
            return http.postMultipart("/admin/transfer/import", form, "file", name, content, "Cookie", cookie,
                    "Origin", site.baseUrl());
        }

        /** The screen once the import has ended: it stops asking to be refreshed. */
        HttpResponse<String> screenOnceDone() throws InterruptedException {
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            AtomicInteger looks = new AtomicInteger();
            while (System.nanoTime() < until) {
                HttpResponse<String> screen = http.get("/admin/transfer", "Cookie", cookie);
                looks.incrementAndGet();
                if (screen.headers().firstValue("Refresh").isEmpty()) return screen;
                assertThat(screen.body()).contains("Importing ").contains("Now: <strong>");
                Thread.sleep(100);
            }
            throw new AssertionError("The import did not end within a minute");
        }

        @Override
        public void close() {
            site.close();
        }
    }

    @Test
    void an_administrator_uploads_an_export_and_sees_the_report() throws Exception {
        try (Newsroom newsroom = new Newsroom()) {
            HttpResponse<String> started = newsroom.upload("site.json", export);
            assertThat(started.statusCode()).isEqualTo(303);
            assertThat(started.headers().firstValue("Location")).contains("/admin/transfer");

            HttpResponse<String> report = newsroom.screenOnceDone();
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.body()).contains("site.json is imported").contains("<th scope=\"row\">articles</th><td>8</td>");
            var first = source.wiring().articles().everyAfter(0, 1).get(0).article();
            assertThat(newsroom.site.wiring().articles().find(first.path())).isInstanceOf(ArticleLookup.Found.class);
            assertThat(newsroom.http.get(first.path()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_dry_run_reports_and_writes_nothing() throws Exception {
        try (Newsroom newsroom = new Newsroom()) {
            assertThat(newsroom.upload("site.json", export, "dry_run", "1").statusCode()).isEqualTo(303);

            assertThat(newsroom.screenOnceDone().body()).contains("What importing site.json would do")
                    .contains("nothing was written");
            assertThat(newsroom.site.wiring().articles().everyAfter(0, 10)).isEmpty();
        }
    }

    @Test
    void a_broken_file_is_reported_with_its_line_and_nothing_is_imported() throws Exception {
        try (Newsroom newsroom = new Newsroom()) {
            byte[] cut = java.util.Arrays.copyOf(export, export.length / 2);
            newsroom.upload("cut.json", cut);

            assertThat(newsroom.screenOnceDone().body()).contains("The import of cut.json stopped").contains("Line ")
                    .contains("Nothing was imported.");
            assertThat(newsroom.site.wiring().articles().everyAfter(0, 10)).isEmpty();
        }
    }

    @Test
    void an_upload_without_a_file_is_answered_422() {
        try (Newsroom newsroom = new Newsroom()) {
            HttpResponse<String> refused = newsroom.upload("", new byte[0]);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("Choose a WordPress export");
        }
    }

    @Nested
    class The_downloads {
        @Test
        void are_the_whole_site_as_attachments(@TempDir Path dir) throws Exception {
            try (Newsroom newsroom = new Newsroom()) {
                newsroom.site.articles().anArticle().headline("Bridges reopen").body("At *last*.")
                        .by(newsroom.site.anAuthor("Tom Writer")).publishedAt(newsroom.site.clock().instant());
                HttpResponse<byte[]> json = newsroom.http.getBytes("/admin/transfer/export.json", "Cookie", newsroom.cookie);
                assertThat(json.statusCode()).isEqualTo(200);
                assertThat(json.headers().firstValue("Content-Disposition").orElseThrow())
                        .isEqualTo("attachment; filename=\"dateline-export-2024-06-20.json\"");
                Path file = Files.write(dir.resolve("export.json"), json.body());
                java.util.List<String> titles = new java.util.ArrayList<>();
                new DatelineJsonReader().read(file, new Wxr.Handler() {
                    @Override
                    public void item(Wxr.Item item) {
                        titles.add(item.title());
                    }
                });
                assertThat(titles).containsExactly("Bridges reopen");

                HttpResponse<byte[]> wxr = newsroom.http.getBytes("/admin/transfer/export.xml", "Cookie", newsroom.cookie);
                assertThat(wxr.statusCode()).isEqualTo(200);
                assertThat(wxr.headers().firstValue("Content-Disposition").orElseThrow()).endsWith(".xml\"");
                assertThat(new String(wxr.body(), StandardCharsets.UTF_8)).contains("Bridges reopen");
            }
        }

        @Test
        void are_refused_to_an_editor() {
            try (Newsroom newsroom = new Newsroom()) {
                for (String path : java.util.List.of("/admin/transfer", "/admin/transfer/export.json", "/admin/transfer/export.xml")) {
                    assertThat(newsroom.http.get(path, "Cookie", newsroom.editorCookie).statusCode()).as(path).isEqualTo(403);
                }
            }
        }
    }
}
