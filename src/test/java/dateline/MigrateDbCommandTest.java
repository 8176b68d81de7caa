package dateline;

import static dateline.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.api.Scope;
import dateline.articles.ArticleSummary;
import dateline.articles.Section;
import dateline.comments.Comment;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.comments.NewComment;
import dateline.media.MediaFile;
import dateline.pages.Menu;
import dateline.pages.Page;
import dateline.pages.PageDraft;
import dateline.search.SearchService;
import dateline.storage.Database;
import dateline.storage.DatabaseCopy;
import dateline.testing.Commands.Run;
import dateline.testing.DemoSites;
import dateline.testing.Postgres;
import dateline.testing.TestSite;
import dateline.web.PageRequest;
import dateline.webhooks.WebhookEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dateline migrate-db}, as an operator runs it: a whole site (articles, comments in every status, pages, media,
 * accounts, sessions, tokens, webhooks) moved from SQLite to a real PostgreSQL server and back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrateDbCommandTest {
    private TestSite original;
    private String postgres;
    private Path roundTrip;
    private Run there;
    private Run back;
    /** Each database's checks, taken at once: serving a site later starts work that writes (webhook deliveries). */
    private Map<String, DatabaseCopy.TableCheck> originalChecks;
    private Map<String, DatabaseCopy.TableCheck> postgresChecks;
    private Map<String, DatabaseCopy.TableCheck> roundTripChecks;
    private MediaFile image;
    private Page about;
    private final List<Path> folders = new ArrayList<>();

    @BeforeAll
    void moveASiteToPostgresqlAndBack() throws IOException {
        original = TestSite.servicesOnSqlite();
        fill(original);
        postgres = Postgres.freshDatabaseUrl();
        roundTrip = folder();
        // the tests' server lets its user in without one, but the command must never print a password it was given
        there = run("migrate-db", "--from", original.dataDir().toString(), "--to", postgres + "&password=hunter2");
        back = run("migrate-db", "--from", postgres, "--to", roundTrip.toString());
        originalChecks = DatabaseCopy.checksums(original.wiring().database(), SearchService::holdsIndex);
        try (Database onPostgres = Database.open(postgres); Database copy = Database.openSqlite(roundTrip)) {
            postgresChecks = DatabaseCopy.checksums(onPostgres, SearchService::holdsIndex);
            roundTripChecks = DatabaseCopy.checksums(copy, SearchService::holdsIndex);
        }
    }

    @AfterAll
    void close() throws IOException {
        if (original != null) original.close();
        if (postgres != null) Postgres.drop(postgres);
        for (Path folder : folders) deleteAll(folder);
    }

    @Test
    void the_move_reports_each_table_verified_and_the_totals_and_says_where_the_media_files_are() {
        assertThat(there.code()).as(there.err()).isZero();
        assertThat(there.out()).contains("copied articles:", "verified comments:", "the same on both sides",
                "Rebuilt the search index", "Media files are not in the database: serve the new site with --data",
                "Moved 3", "copied in", "verified in").doesNotContain("hunter2");
        assertThat(back.code()).as(back.err()).isZero();
        assertThat(back.out()).contains("Media files are not in the database: copy the media/ folder of the old "
                + "site's data folder into " + roundTrip);
    }

    @Test
    void every_table_comes_back_from_postgresql_with_the_same_rows() {
        assertThat(originalChecks.keySet()).contains("articles", "comments", "pages", "media", "media_variants",
                "accounts", "sessions", "api_tokens", "webhooks", "webhook_deliveries", "settings", "moderation_log",
                "menu_items", "article_revisions");
        assertThat(originalChecks.get("comments").rows()).isGreaterThan(10);
        assertThat(postgresChecks).isEqualTo(originalChecks);
        assertThat(roundTripChecks).isEqualTo(originalChecks);
    }

    @Test
    void the_copy_back_in_sqlite_takes_new_rows_after_the_copied_ones() {
        try (Wiring wiring = Wiring.open(Settings.resolve(Map.of("data", roundTrip.toString()), Map.of()),
                Clock.systemUTC())) {
            Account newcomer = wiring.accounts().open(new NewAccount("new@example.org", "Nia Newcomer", Role.AUTHOR, null));
            Page page = wiring.pages().create(new PageDraft("Corrections policy", "", null, null, "How we correct."));

            assertThat(newcomer.id()).isGreaterThan(wiring.accounts().byEmail("editor@example.org").orElseThrow().id());
            assertThat(page.id()).isGreaterThan(about.id());
        }
    }

    @Test
    void between_two_data_folders_the_media_files_are_copied_too() throws IOException {
        Path again = folder();
        Run copied = run("migrate-db", "--from", original.dataDir().toString(), "--to", again.toString());

        assertThat(copied.code()).as(copied.err()).isZero();
        List<String> files = relativeFiles(original.dataDir().resolve("media"));
        assertThat(files).isNotEmpty();
        assertThat(relativeFiles(again.resolve("media"))).isEqualTo(files);
        assertThat(copied.out()).contains("Copied " + files.size() + " media files");
    }

    @Test
    void the_site_served_from_postgresql_answers_the_same_addresses_with_the_same_content() throws IOException {
        try (TestSite before = servedCopy("jdbc:sqlite:" + original.dataDir().resolve("dateline.db"));
             TestSite after = servedCopy(postgres, false)) {
            ArticleSummary article = original.wiring().articles().latest(PageRequest.first(1)).items().get(0);
            Section section = original.wiring().articles().sections().get(0);
            for (String path : List.of("/", article.path(), section.path(), about.path(),
                    "/sections/" + section.slug() + "/feed/", "/feed/")) {
                HttpResponse<String> was = before.http().get(path);
                HttpResponse<String> is = after.http().get(path);
                assertThat(is.statusCode()).as(path).isEqualTo(was.statusCode()).isEqualTo(200);
                assertThat(comparable(is.body(), after)).as(path).isEqualTo(comparable(was.body(), before));
            }
            // the index is rebuilt, by PostgreSQL's own search, which ranks and highlights a little differently
            String word = java.util.Arrays.stream(article.headline().split("[^\\p{L}]+"))
                    .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
            assertThat(after.http().get("/search?q=" + word).body()).contains("href=\"" + article.path() + "\"");
            String imageUrl = image.variants().get(0).url();
            assertThat(after.http().getBytes(imageUrl).body()).isEqualTo(before.http().getBytes(imageUrl).body());
        }
    }

    @Test
    void the_copy_on_postgresql_takes_new_rows_after_the_copied_ones() throws IOException {
        try (TestSite copy = servedCopy(Postgres.freshDatabaseUrl(), true)) {
            Account newcomer = copy.wiring().accounts().open(new NewAccount("new@example.org", "Nia Newcomer",
                    Role.AUTHOR, null));
            Page page = copy.wiring().pages().create(new PageDraft("Corrections policy", "", null, null, "How we correct."));

            assertThat(newcomer.id()).isGreaterThan(original.wiring().accounts().byEmail("editor@example.org")
                    .orElseThrow().id());
            assertThat(page.id()).isGreaterThan(about.id());
        }
    }

    @Test
    void a_target_that_holds_a_site_is_refused_and_keeps_what_it_holds() {
        String occupied = Postgres.freshDatabaseUrl();
        try {
            Map<String, String> flags = new HashMap<>();
            flags.put("data", folder().toString());
            flags.put("database-url", occupied);
            try (Wiring wiring = Wiring.open(Settings.resolve(flags, Map.of()), Clock.systemUTC())) {
                wiring.accounts().open(new NewAccount("kept@example.org", "Kept Here", Role.ADMINISTRATOR, null));
            }
            Map<String, DatabaseCopy.TableCheck> before;
            try (Database target = Database.open(occupied)) {
                before = DatabaseCopy.checksums(target, name -> false);
            }

            Run refused = run("migrate-db", "--from", original.dataDir().toString(), "--to", occupied);

            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("already holds a site", "accounts").doesNotContain("Exception", "\tat ");
            try (Database target = Database.open(occupied)) {
                assertThat(DatabaseCopy.checksums(target, name -> false)).isEqualTo(before);
            }
        } finally {
            Postgres.drop(occupied);
        }
    }

    @Test
    void a_folder_without_a_site_or_a_database_it_cannot_open_is_refused_with_a_message(@TempDir Path empty) {
        Run noSite = run("migrate-db", "--from", empty.toString(), "--to", postgres);
        assertThat(noSite.code()).isEqualTo(1);
        assertThat(noSite.err()).contains("There is no site in").doesNotContain("\tat ");
        assertThat(Files.exists(empty.resolve("dateline.db"))).isFalse();

        Run unknown = run("migrate-db", "--from", original.dataDir().toString(), "--to",
                "jdbc:mysql://db.example.org/news?user=news&password=secret");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("Unsupported database URL").doesNotContain("secret");

        Run unreachable = run("migrate-db", "--from", original.dataDir().toString(), "--to",
                "jdbc:postgresql://127.0.0.1:1/news?user=news&password=secret&connectTimeout=2");
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).contains("Cannot open jdbc:postgresql://127.0.0.1:1/news", "refused")
                .doesNotContain("secret", "\tat ");
    }

    @Test
    void a_site_on_sqlite_that_writes_throughout_the_move_is_copied_as_it_stood_at_one_moment() throws Exception {
        String target = Postgres.freshDatabaseUrl();
        try (TestSite busy = TestSite.servicesOnSqlite()) {
            Comments comments = Comments.on(busy);
            Map<String, DatabaseCopy.TableCheck> before = DatabaseCopy.checksums(busy.wiring().database(), name -> false);
            Map<String, DatabaseCopy.TableCheck> copied;
            long written;
            try (comments) {
                comments.start();
                Run moved = run("migrate-db", "--from", busy.dataDir().toString(), "--to", target);
                written = comments.stop();
                assertThat(moved.code()).as(moved.err()).isZero();
                assertThat(moved.out()).contains("Took a snapshot of", "the same on both sides");
            }
            try (Database copy = Database.open(target)) {
                copied = DatabaseCopy.checksums(copy, name -> false);
            }
            assertWholeWritesOnly(before, copied, written);
        } finally {
            Postgres.drop(target);
        }
    }

    @Test
    void a_site_on_postgresql_that_writes_throughout_the_move_is_copied_as_it_stood_at_one_moment() throws Exception {
        Path target = folder();
        try (TestSite busy = TestSite.servingFrom(Postgres.freshDatabaseUrl())) {
            Comments comments = Comments.on(busy);
            Map<String, DatabaseCopy.TableCheck> before = DatabaseCopy.checksums(busy.wiring().database(), name -> false);
            long written;
            try (comments) {
                comments.start();
                Run moved = run("migrate-db", "--from", busy.dataFlags().get("database-url"), "--to", target.toString());
                written = comments.stop();
                assertThat(moved.code()).as(moved.err()).isZero();
                assertThat(moved.out()).contains("in one transaction", "the same on both sides");
            }
            try (Database copy = Database.openSqlite(target)) {
                assertWholeWritesOnly(before, DatabaseCopy.checksums(copy, name -> false), written);
            }
        }
    }

    /**
     * The copy holds some of the comments written during the move, not all (so writes went on throughout), and each
     * whole: a comment and the note that drops its pages are written in one transaction, so they come in pairs.
     */
    private static void assertWholeWritesOnly(Map<String, DatabaseCopy.TableCheck> before,
                                              Map<String, DatabaseCopy.TableCheck> copied, long written) {
        long comments = copied.get("comments").rows() - before.get("comments").rows();
        long notes = copied.get("cache_invalidations").rows() - before.get("cache_invalidations").rows();
        assertThat(comments).as("comments written during the move that are in the copy").isPositive().isLessThan(written);
        assertThat(notes).as("their notes").isEqualTo(comments);
    }

    /** Comments written one after another on an article of their own, from a thread of their own, until stopped. */
    private static final class Comments implements AutoCloseable {
        private final Thread thread;
        private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.CountDownLatch begun = new java.util.concurrent.CountDownLatch(10);
        private volatile boolean stopped;
        private volatile RuntimeException failed;

        private Comments(TestSite site) {
            Account editor = site.wiring().accounts().open(new NewAccount("busy@example.org", "Bea Busy", Role.EDITOR,
                    null));
            long article = site.articles().anArticle().headline("Harbour works go on").by(editor)
                    .publishedAt(TestSite.START).article().id();
            thread = new Thread(() -> {
                try {
                    while (!stopped) {
                        site.wiring().comments().commentAsStaff(article, "Update " + written.get() + " from the quay.", editor);
                        written.incrementAndGet();
                        begun.countDown();
                    }
                } catch (RuntimeException e) {
                    failed = e;
                    while (begun.getCount() > 0) begun.countDown();
                }
            }, "comments-during-the-move");
        }

        /** The article and its writer, not yet writing. */
        static Comments on(TestSite site) {
            return new Comments(site);
        }

        /** Starts writing, and answers once a few comments are written. */
        void start() throws InterruptedException {
            thread.start();
            begun.await();
        }

        /** Stops writing; answers how many comments were written. */
        long stop() throws InterruptedException {
            stopped = true;
            thread.join();
            if (failed != null) throw failed;
            return written.get();
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            thread.join();
        }
    }

    // ---- the site

    /**
     * Demonstration articles with their comments, plus one of everything else a site keeps: comments pending, marked
     * as spam and trashed, a staff reply, pages (one moved under a newer one), a menu, an image, an account with a
     * session, an API token, a webhook with a delivery.
     */
    private void fill(TestSite site) {
        DemoSites.fill(site, 30);
        Wiring w = site.wiring();
        Account editor = w.accounts().open(new NewAccount("editor@example.org", "Eda Editor", Role.EDITOR,
                "a long enough password"));
        w.sessions().begin(editor, "Firefox");
        w.apiTokens().create(editor, "Newsletter", Set.of(Scope.READ));
        Account admin = w.accounts().open(new NewAccount("admin@example.org", "Ada Admin", Role.ADMINISTRATOR, null));
        long webhook = w.webhooks().add("http://127.0.0.1:9/hooks", Set.of(WebhookEvent.ARTICLE_PUBLISHED), admin).id();
        w.webhooks().ping(webhook, admin);
        image = w.media().upload("harbour.png", png(), editor.id(), "The harbour at dawn");

        ArticleSummary article = w.articles().latest(PageRequest.first(1)).items().get(0);
        List<Comment> held = new ArrayList<>();
        for (String name : List.of("Ana", "Bo", "Cy", "Di")) {
            site.clock().advance(java.time.Duration.ofMinutes(5));
            held.add(w.comments().post(new NewComment(article.id(), null, name, name.toLowerCase() + "@example.net", "",
                    "A first comment from " + name + " about the ferries.", "192.0.2." + (10 + held.size()), "Firefox",
                    null, null)));
        }
        w.comments().moderate(held.get(1).id(), CommentService.Action.SPAM, "selling things", editor);
        w.comments().moderate(held.get(2).id(), CommentService.Action.TRASH, "", editor);
        w.comments().moderate(held.get(3).id(), CommentService.Action.UNAPPROVE, "", editor);
        Comment approved = w.comments().moderate(held.get(0).id(), CommentService.Action.APPROVE, "", editor);
        w.comments().replyAsStaff(approved.id(), "Thank you, we have corrected the timetable.", editor);
        assertThat(w.comments().everyOn(article.id())).extracting(Comment::status)
                .contains(CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.SPAM, CommentStatus.TRASH);

        about = w.pages().create(new PageDraft("About us", "about", null, null, "Who we are."));
        Page company = w.pages().create(new PageDraft("The company", "company", null, null, "Who owns us."));
        about = w.pages().update(about.id(), new PageDraft("About us", "about", company.id(), null, "Who we are."));
        w.pages().publish(company.id());
        about = w.pages().publish(about.id());
        w.pages().addPageToMenu(Menu.FOOTER, about.id());
    }

    /** The site served over this database, with the original's media files in its data folder. */
    private TestSite servedCopy(String databaseUrl) throws IOException {
        return servedCopy(databaseUrl, false);
    }

    private TestSite servedCopy(String databaseUrl, boolean fresh) throws IOException {
        if (fresh) {
            Run copied = run("migrate-db", "--from", original.dataDir().toString(), "--to", databaseUrl);
            assertThat(copied.code()).as(copied.err()).isZero();
        }
        TestSite site = TestSite.servingFrom(databaseUrl);
        copyFolder(original.dataDir().resolve("media"), site.dataDir().resolve("media"));
        return site;
    }

    /** A page without what differs between two servers of one site: their addresses, and the tokens in forms. */
    private static String comparable(String html, TestSite server) {
        return html.replace(server.baseUrl(), "").replaceAll("name=\"(csrf|form_token|token)\" value=\"[^\"]*\"", "")
                .replaceAll("value=\"[A-Za-z0-9_\\-.:]{20,}\"", "");
    }

    private Path folder() {
        try {
            Path folder = Files.createTempDirectory("dateline-move-");
            folders.add(folder);
            return folder;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path copy = to.resolve(from.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    private static List<String> relativeFiles(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString()).sorted().toList();
        }
    }

    private static void deleteAll(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static byte[] png() {
        BufferedImage picture = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 320; x++) picture.setRGB(x, y, (x * 7) << 16 | (y * 5) << 8 | 0x40);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
