package dateline;

import static dateline.testing.Commands.run;
import static dateline.testing.Commands.runReading;
import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Role;
import dateline.articles.ArticleSummary;
import dateline.storage.ServingMark;
import dateline.testing.Commands.Run;
import dateline.testing.Postgres;
import dateline.web.PageRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, as an operator uses it: on a data folder's SQLite file, and on PostgreSQL. */
class AppTest {
    private static Wiring open(Path data) {
        return Wiring.open(Settings.resolve(Map.of("data", data.toString()), Map.of()), Clock.systemUTC());
    }

    @Nested
    class Help {
        @Test
        void lists_every_command() {
            Run run = run("--help");
            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("serve", "users", "demo", "search", "import", "export", "migrate-db", "backup",
                    "restore");
        }

        @Test
        void of_one_command_names_it_under_dateline() {
            Run run = run("serve", "--help");
            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("Usage: dateline serve", "--page-cache-mb").doesNotContain("migrate-db");
        }

        @Test
        void an_unknown_command_is_refused_naming_the_commands_there_are() {
            Run run = run("serve-site");
            assertThat(run.code()).isNotZero();
            assertThat(run.err()).contains("serve-site", "migrate-db");
        }
    }

    @Nested
    class Users_add {
        @Test
        void opens_an_account_with_the_password_read_from_standard_input(@TempDir Path data) {
            Run run = runReading("a sturdy long passphrase\n", "users", "add", "--data", data.toString(),
                    "--email", "editor@example.org", "--name", "Ines Duarte", "--role", "editor", "--password-stdin");
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("Ines Duarte").doesNotContain("sturdy");
            try (Wiring wiring = open(data)) {
                assertThat(wiring.accounts().byEmail("editor@example.org")).get()
                        .satisfies(a -> assertThat(a.role()).isEqualTo(Role.EDITOR));
                assertThat(wiring.accounts().passwordMatches("editor@example.org", "a sturdy long passphrase")).isTrue();
            }
        }

        @Test
        void a_new_password_can_be_set_from_the_command_line(@TempDir Path data) {
            runReading("first long passphrase\n", "users", "add", "--data", data.toString(), "--email", "a@example.org",
                    "--name", "A", "--role", "author", "--password-stdin");
            Run run = runReading("second long passphrase\n", "users", "password", "--data", data.toString(), "--email", "a@example.org");
            assertThat(run.code()).as(run.err()).isZero();
            try (Wiring wiring = open(data)) {
                assertThat(wiring.accounts().passwordMatches("a@example.org", "second long passphrase")).isTrue();
            }
            assertThat(runReading("x\n", "users", "password", "--data", data.toString(), "--email", "b@example.org").code()).isEqualTo(1);
        }

        @Test
        void explains_what_is_wrong_and_opens_nothing(@TempDir Path data) {
            Run badRole = runReading("", "users", "add", "--data", data.toString(), "--email", "x@example.org", "--name", "X",
                    "--role", "owner");
            assertThat(badRole.code()).isEqualTo(1);
            assertThat(badRole.err()).contains("admin, editor, author or contributor");

            Run weak = runReading("short\n", "users", "add", "--data", data.toString(), "--email", "x@example.org",
                    "--name", "X", "--role", "admin", "--password-stdin");
            assertThat(weak.code()).isEqualTo(1);
            assertThat(weak.err()).contains("password: Use at least 12 characters");
            try (Wiring wiring = open(data)) {
                assertThat(wiring.accounts().any()).isFalse();
            }
        }
    }

    @Nested
    class Search_rebuild {
        @Test
        void writes_every_articles_entry_again_and_says_how_many(@TempDir Path data) {
            assertThat(runReading("", "demo", "--data", data.toString(), "--articles", "30", "--seed", "2").code()).isZero();
            try (Wiring wiring = open(data)) {
                wiring.database().jdbi().useHandle(h -> h.execute("DELETE FROM search_text"));
            }

            Run rebuild = runReading("", "search", "rebuild", "--data", data.toString());

            assertThat(rebuild.code()).as(rebuild.err()).isZero();
            assertThat(rebuild.out()).contains("Indexed 30 articles");
            try (Wiring wiring = open(data)) {
                String headline = wiring.articles().latest(PageRequest.first(1)).items().get(0).headline();
                assertThat(wiring.search().forReaders("\"" + headline + "\"", dateline.search.SearchFilters.none(), 1, 10)
                        .results()).extracting(r -> r.summary().headline()).contains(headline);
            }
        }
    }

    @Nested
    class Export_and_import {
        @Test
        void a_site_exported_as_json_imports_into_an_empty_one(@TempDir Path first, @TempDir Path second,
                                                               @TempDir Path files) throws IOException {
            assertThat(runReading("", "demo", "--data", first.toString(), "--articles", "12", "--seed", "4").code()).isZero();
            Path file = files.resolve("site.json");

            Run export = runReading("", "export", "json", file.toString(), "--data", first.toString(),
                    "--base-url", "https://news.example.org");
            assertThat(export.code()).as(export.err()).isZero();
            assertThat(export.out()).startsWith("Wrote " + file);
            try (var left = Files.list(files)) {
                assertThat(left).containsExactly(file);
            }
            assertThat(Files.readString(file)).contains("\"link\" : \"https://news.example.org/");

            Run imported = runReading("", "import", "json", file.toString(), "--data", second.toString());
            assertThat(imported.code()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("articles");
            try (Wiring was = open(first); Wiring now = open(second)) {
                assertThat(now.articles().countPublished()).isEqualTo(was.articles().countPublished()).isEqualTo(12);
            }
        }

        @Test
        void a_failed_export_leaves_the_earlier_file_whole_and_no_part_beside_it(@TempDir Path data,
                                                                                 @TempDir Path files) throws IOException {
            Path file = Files.writeString(files.resolve("site.json"), "the export of yesterday");

            Run failed = runReading("", "export", "json", file.toString(), "--data", data.toString(), "--base-url", "ftp://nowhere");

            assertThat(failed.code()).isNotZero();
            assertThat(Files.readString(file)).isEqualTo("the export of yesterday");
            try (var left = Files.list(files)) {
                assertThat(left).containsExactly(file);
            }
        }

        @Test
        void a_json_file_that_is_not_a_dateline_export_is_refused_with_its_line(@TempDir Path data, @TempDir Path files)
                throws IOException {
            Path file = Files.writeString(files.resolve("other.json"), "{\"format\": \"ghost\", \"version\": 1}");

            Run refused = runReading("", "import", "json", file.toString(), "--data", data.toString());

            assertThat(refused.code()).isNotZero();
            assertThat(refused.err()).contains("Line 1").contains("not a Dateline export");
        }
    }

    /** Every command that takes a data folder takes a PostgreSQL database instead, with --database-url. */
    @Nested
    class On_postgresql {
        private final List<String> databases = new ArrayList<>();

        private String freshDatabase() {
            String url = Postgres.freshDatabaseUrl();
            databases.add(url);
            return url;
        }

        private Wiring open(Path data, String databaseUrl) {
            return Wiring.open(Settings.resolve(Map.of("data", data.toString(), "database-url", databaseUrl), Map.of()),
                    Clock.systemUTC());
        }

        @AfterEach
        void dropDatabases() {
            databases.forEach(Postgres::drop);
        }

        @Test
        void demo_users_search_rebuild_export_and_import_keep_the_site_in_postgresql(@TempDir Path data,
                @TempDir Path other, @TempDir Path files) throws IOException {
            String first = freshDatabase();
            String second = freshDatabase();
            Path file = files.resolve("site.json");

            Run demo = runReading("", "demo", "--data", data.toString(), "--database-url", first, "--articles", "12", "--seed", "4");
            assertThat(demo.code()).as(demo.err()).isZero();
            Run user = runReading("a sturdy long passphrase\n", "users", "add", "--data", data.toString(), "--database-url", first,
                    "--email", "editor@example.org", "--name", "Ines Duarte", "--role", "editor", "--password-stdin");
            assertThat(user.code()).as(user.err()).isZero();
            Run rebuild = runReading("", "search", "rebuild", "--data", data.toString(), "--database-url", first);
            assertThat(rebuild.out()).as(rebuild.err()).contains("Indexed 12 articles");
            Run export = runReading("", "export", "json", file.toString(), "--data", data.toString(), "--database-url", first,
                    "--base-url", "https://news.example.org");
            assertThat(export.code()).as(export.err()).isZero();
            Run imported = runReading("", "import", "json", file.toString(), "--data", other.toString(), "--database-url", second);
            assertThat(imported.code()).as(imported.err()).isZero();

            assertThat(data.resolve("dateline.db")).doesNotExist();
            assertThat(other.resolve("dateline.db")).doesNotExist();
            try (Wiring was = open(data, first); Wiring now = open(other, second)) {
                assertThat(was.accounts().passwordMatches("editor@example.org", "a sturdy long passphrase")).isTrue();
                assertThat(now.articles().countPublished()).isEqualTo(was.articles().countPublished()).isEqualTo(12);
                String headline = now.articles().latest(PageRequest.first(1)).items().get(0).headline();
                assertThat(now.search().forReaders("\"" + headline + "\"", dateline.search.SearchFilters.none(), 1, 10)
                        .results()).extracting(r -> r.summary().headline()).contains(headline);
            }
        }
    }

    @Nested
    class Demo {
        @Test
        void fills_a_site_the_same_way_for_the_same_seed(@TempDir Path first, @TempDir Path second) {
            String[] options = {"--articles", "40", "--seed", "7", "--now", "2024-06-20T12:00:00Z"};
            assertThat(runReading("", concat(new String[] {"demo", "--data", first.toString()}, options)).code()).isZero();
            Run again = runReading("", concat(new String[] {"demo", "--data", second.toString()}, options));
            assertThat(again.code()).isZero();
            assertThat(again.out()).contains("Wrote 40 articles");
            assertThat(headlinesAndPaths(first)).isEqualTo(headlinesAndPaths(second)).hasSize(40);
        }

        @Test
        void writes_a_realistic_newsroom_spread_over_months(@TempDir Path data) {
            assertThat(runReading("", "demo", "--data", data.toString(), "--articles", "120", "--seed", "3",
                    "--now", "2024-06-20T12:00:00Z").code()).isZero();
            try (Wiring wiring = open(data)) {
                List<ArticleSummary> all = wiring.articles().latest(new PageRequest(null, null, 100)).items();
                Instant newest = all.get(0).publishedAt();
                Instant oldest = wiring.articles().latest(new PageRequest(
                        new dateline.web.Cursor(all.get(99).publishedAt(), all.get(99).id()), null, 100)).items()
                        .stream().map(ArticleSummary::publishedAt).min(Instant::compareTo).orElseThrow();
                assertThat(Duration.between(oldest, newest)).isGreaterThan(Duration.ofDays(60));
                assertThat(newest).isBefore(Instant.parse("2024-06-20T12:00:00Z"));
                assertThat(wiring.articles().sections()).hasSizeGreaterThanOrEqualTo(5);
                assertThat(wiring.accounts().all()).hasSizeGreaterThanOrEqualTo(8);
                assertThat(all).anyMatch(a -> a.bylines().size() > 1);
                assertThat(all).anyMatch(a -> a.significantlyUpdatedAt() != null);
                assertThat(all.stream().map(ArticleSummary::type).distinct().count()).isGreaterThan(2);
                assertThat(wiring.site().settings().title()).isEqualTo("The Dateline Courier");
            }
        }

        private List<String> headlinesAndPaths(Path data) {
            try (Wiring wiring = open(data)) {
                return wiring.articles().latest(new PageRequest(null, null, 100)).items().stream()
                        .map(a -> a.publishedAt() + " " + a.path() + " " + a.headline()).toList();
            }
        }
    }

    @Nested
    class Serve {
        @Test
        void logs_its_address_answers_health_checks_and_stops_cleanly_on_sigterm(@TempDir Path data) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = data.resolve("server.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process server = startServe(java, data, port, log);
            try {
                HttpResponse<String> health = waitForHealth(port);
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"ok\"");
                // the line follows the start of listening, so a first request may be answered before it is written
                assertThat(awaitLine(log, "Dateline is listening on http://127.0.0.1:" + port)).isTrue();
                assertThat(ServingMark.isServed(data.resolve("site"))).as("the folder is marked as served").isTrue();
            } finally {
                server.destroy();
            }
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(log)).contains("Stopped.");
            assertThat(ServingMark.isServed(data.resolve("site"))).as("the mark goes with the server").isFalse();
        }

        @Test
        void says_plainly_that_the_database_cannot_be_reached_and_exits_without_a_trace(@TempDir Path data) throws Exception {
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort(); // nothing listens there once the socket closes
            }
            Path log = data.resolve("server.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), App.class.getName(),
                    "serve", "--host", "127.0.0.1", "--port", "0", "--data", data.resolve("site").toString(),
                    "--database-url", "jdbc:postgresql://127.0.0.1:" + closed + "/news?user=dateline&password=hunter2")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();

            String said = Files.readString(log);
            assertThat(server.exitValue()).isNotZero();
            assertThat(said).contains("Cannot reach the database 127.0.0.1:" + closed + "/news")
                    .contains("Check that the database server is running")
                    .doesNotContain("hunter2").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(said.strip().lines()).hasSize(1);
        }

        private Process startServe(String java, Path data, int port, Path log) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    App.class.getName(), "serve", "--host", "127.0.0.1")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("DATELINE_PORT", Integer.toString(port));
            builder.environment().put("DATELINE_DATA", data.resolve("site").toString());
            return builder.start();
        }

        private static boolean awaitLine(Path log, String line) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.readString(log).contains(line)) {
                if (System.nanoTime() > deadline) return false;
                Thread.sleep(50);
            }
            return true;
        }

        private HttpResponse<String> waitForHealth(int port) throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline) throw notYet;
                    Thread.sleep(100);
                }
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
