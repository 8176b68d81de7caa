package dateline;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.articles.ArticleEvent;
import dateline.articles.ArticleListener;
import dateline.articles.Section;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.comments.NewComment;
import dateline.moderation.SpamClassifier;
import dateline.media.Images;
import dateline.media.MediaFile;
import dateline.media.MediaVariant;
import dateline.testing.Http;
import dateline.testing.MutableClock;
import dateline.testing.Pages;
import dateline.testing.Postgres;
import dateline.testing.TestSite;
import dateline.web.PageCache;
import dateline.webhooks.Receiver;
import dateline.webhooks.WebhookEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of one site, sharing nothing but one PostgreSQL database: each has its own data folder, loopback port,
 * page cache and background work (scheduled publishing, outboxes, invalidation), as two machines behind a load
 * balancer would. Always on a real PostgreSQL server, whichever database the rest of the run uses.
 */
class MultiNodeTest {
    /** What the issue promises: a change on one node is served by every other within a second. */
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final String PASSWORD = "a long enough password for the desk";

    private String databaseUrl;
    private final MutableClock clock = new MutableClock(TestSite.START);
    private TestSite a;
    private TestSite b;
    private Account editor;
    private Account alice;
    private Section world;
    private Article bridge;

    @BeforeEach
    void startTwoNodesOnOneDatabase() {
        databaseUrl = Postgres.migratedDatabaseUrl();
        Map<String, String> flags = Map.of("media-store", "database");
        a = TestSite.node(databaseUrl, clock, flags);
        b = TestSite.node(databaseUrl, clock, flags);
        alice = a.anAuthor("Alice Moreau");
        editor = a.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, PASSWORD));
        world = a.wiring().articles().openSection("World", "Reporting from everywhere.");
        bridge = a.articles().anArticle().headline("Harbour bridge reopens").by(alice).in(world.id())
                .publishedAt(TestSite.START).article();
        clock.advance(Duration.ofHours(1));
    }

    @AfterEach
    void stopNodes() {
        if (b != null) b.close();
        if (a != null) a.close();
        Postgres.release(databaseUrl);
    }

    /** Reads the page on the node until it shows the text, and answers how long that took; fails after {@link #WITHIN}. */
    private static Duration showsWithin(TestSite node, String path, String text) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + WITHIN.toNanos();
        while (true) {
            HttpResponse<String> page = node.http().get(path);
            if (page.statusCode() == 200 && page.body().contains(text)) {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                System.out.printf("the other node served \"%s\" on %s after %d ms%n", text, path, took.toMillis());
                return took;
            }
            assertThat(System.nanoTime()).as("%s shows \"%s\" within %s", path, text, WITHIN).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /**
     * Reads the page until the node answers it from its cache: the changes that set the site up reach the other
     * node a moment later and may drop the copy its first read kept.
     */
    private static void cached(TestSite node, String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (!"hit".equals(node.http().get(path).headers().firstValue(PageCache.STATUS_HEADER).orElse(""))) {
            assertThat(System.nanoTime()).as("%s is kept", path).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void an_article_published_on_one_node_is_served_by_the_other_within_a_second() throws Exception {
        cached(b, "/");
        cached(b, "/sections/world/");

        Article ferry = a.articles().anArticle().headline("Ferry strike ends").by(alice).in(world.id())
                .publishedAt(clock.instant()).article();

        assertThat(showsWithin(b, "/", "Ferry strike ends")).isLessThan(WITHIN);
        assertThat(showsWithin(b, "/sections/world/", "Ferry strike ends")).isLessThan(WITHIN);
        assertThat(b.http().get(ferry.path()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_session_begun_on_one_node_is_valid_on_the_other_and_ends_on_both() {
        Http.VisitorForm signIn = a.http().visitorForm("/login");
        HttpResponse<String> signedIn = signIn.post("/login", Http.form("email", "ed@example.org", "password", PASSWORD,
                "next", "/admin"), "Origin", a.baseUrl());
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String session = "dateline_session=" + Pages.cookie(signedIn, "dateline_session");

        HttpResponse<String> desk = b.http().get("/admin", "Cookie", session);
        assertThat(desk.statusCode()).isEqualTo(200);
        assertThat(desk.body()).contains("Ed Itor");
        assertThat(b.http().get("/admin").statusCode()).as("without the session").isNotEqualTo(200);

        String token = Pages.first(desk.body(), "name=\"csrf\" value=\"([^\"]+)\"");
        assertThat(b.http().post("/logout", Http.form("csrf", token), "Cookie", session, "Origin", b.baseUrl())
                .statusCode()).isEqualTo(303);
        assertThat(a.http().get("/admin", "Cookie", session).statusCode()).as("signed out on the other node").isNotEqualTo(200);
    }

    @Test
    void a_comment_posted_on_one_node_and_approved_on_the_other_shows_on_both() throws Exception {
        cached(a, bridge.path());
        cached(b, bridge.path());
        String formToken = Pages.first(b.http().get(bridge.path()).body(),
                "name=\"form_token\" id=\"form_token\" value=\"([^\"]*)\"");
        clock.advance(Duration.ofSeconds(20)); // the reader writes for a while

        HttpResponse<String> posted = b.http().post("/comments", Http.form("article", Long.toString(bridge.id()),
                "form_token", formToken, "comment", "The night buses stop there again.", "name", "Rui",
                "email", "rui@example.net", "website", "", "parent", ""), "Origin", b.baseUrl());
        assertThat(posted.statusCode()).isEqualTo(303);
        long commentId = Long.parseLong(Pages.first(Pages.header(posted, "Location"), "#comment-(\\d+)"));
        assertThat(a.wiring().comments().byId(commentId)).as("held for a moderator, and seen by the other node")
                .hasValueSatisfying(c -> assertThat(c.status().name()).isEqualTo("PENDING"));
        assertThat(a.http().get(bridge.path()).body()).doesNotContain("The night buses stop there again.");

        a.wiring().comments().moderate(commentId, CommentService.Action.APPROVE, "", editor);

        assertThat(showsWithin(a, bridge.path(), "The night buses stop there again.")).isLessThan(WITHIN);
        assertThat(showsWithin(b, bridge.path(), "The night buses stop there again.")).isLessThan(WITHIN);
    }

    @Test
    void scheduled_articles_are_published_exactly_once_when_both_nodes_run_their_schedulers() throws Exception {
        Account admin = a.wiring().accounts().open(new NewAccount("ada@example.org", "Ada Admin", Role.ADMINISTRATOR, null));
        try (Receiver receiver = new Receiver()) {
            a.wiring().webhooks().add(receiver.url(), Set.of(WebhookEvent.ARTICLE_PUBLISHED), admin);
            Map<Long, AtomicInteger> publications = new ConcurrentHashMap<>();
            ArticleListener counting = new ArticleListener() {
                @Override
                public void changed(ArticleEvent event) {
                    if (event.kind() == ArticleEvent.Kind.PUBLISHED) {
                        publications.computeIfAbsent(event.article().article().id(), id -> new AtomicInteger()).incrementAndGet();
                    }
                }
            };
            a.wiring().articles().addListener(counting);
            b.wiring().articles().addListener(counting);
            List<Long> scheduled = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                Article draft = a.articles().anArticle().headline("Tide tables for week " + i).by(editor).written();
                a.wiring().articles().publish(draft.id(), clock.instant().plus(Duration.ofMinutes(i)), editor);
                scheduled.add(draft.id());
            }

            clock.advance(Duration.ofMinutes(15));
            // both nodes' schedulers run every few seconds; these two make them meet on every article at once
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> onA = nodes.submit(() -> {
                    together.await();
                    return a.wiring().articles().publishDue();
                });
                Future<Integer> onB = nodes.submit(() -> {
                    together.await();
                    return b.wiring().articles().publishDue();
                });
                onA.get();
                onB.get();
            } finally {
                nodes.shutdown();
            }

            assertThat(publications.keySet()).containsExactlyInAnyOrderElementsOf(scheduled);
            assertThat(publications.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));

            // both nodes deliver webhooks every two seconds: each publication is posted once
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (receiver.received().size() < scheduled.size() && System.nanoTime() < deadline) Thread.sleep(50);
            Thread.sleep(3_000); // time enough for a second delivery of any, if there were to be one
            List<String> bodies = receiver.received().stream().map(Receiver.Received::body).toList();
            assertThat(bodies).hasSize(scheduled.size());
            for (long id : scheduled) {
                assertThat(bodies).filteredOn(body -> body.contains("\"id\":" + id + ",")).as("deliveries of %d", id).hasSize(1);
            }
        }
    }

    @Test
    void an_image_uploaded_on_one_node_is_served_by_the_other_in_every_width() {
        MediaFile photo = a.wiring().media().upload("harbour.jpg", Images.jpeg(1200, 675), editor.id(), "The harbour");

        assertThat(photo.variants()).hasSizeGreaterThan(1);
        for (MediaVariant variant : photo.variants()) {
            HttpResponse<byte[]> served = b.http().getBytes("/media/" + variant.key());
            assertThat(served.statusCode()).as(variant.key()).isEqualTo(200);
            assertThat(served.body()).hasSize((int) variant.byteSize());
            assertThat(served.headers().firstValue("Content-Type")).hasValue(variant.contentType());
        }
        assertThat(a.dataDir().resolve("media")).doesNotExist();
    }

    @Test
    void stopping_one_node_does_not_disturb_the_other() throws Exception {
        cached(b, bridge.path());
        a.close();
        a = null;

        assertThat(b.http().get(bridge.path()).headers().firstValue(PageCache.STATUS_HEADER)).hasValue("hit");
        assertThat(b.http().get("/healthz").statusCode()).isEqualTo(200);
        Article later = b.articles().anArticle().headline("Evening ferry added").by(alice).in(world.id())
                .publishedAt(clock.instant()).article();
        assertThat(b.http().get("/").body()).contains("Evening ferry added");
        assertThat(b.http().get(later.path()).statusCode()).isEqualTo(200);

        String formToken = Pages.first(b.http().get(bridge.path()).body(),
                "name=\"form_token\" id=\"form_token\" value=\"([^\"]*)\"");
        clock.advance(Duration.ofSeconds(20));
        assertThat(b.http().post("/comments", Http.form("article", Long.toString(bridge.id()), "form_token", formToken,
                "comment", "Good news for the late shift.", "name", "Ines", "email", "ines@example.net", "website", "",
                "parent", ""), "Origin", b.baseUrl()).statusCode()).isEqualTo(303);
    }

    @Test
    void what_a_moderator_teaches_the_spam_classifier_on_one_node_scores_comments_on_the_other_within_a_second()
            throws Exception {
        NewComment campaign = new NewComment(bridge.id(), null, "Marta Kowalska", "marta@example.net",
                "https://solar-leads.example", "Our family switched to solar panels and the bills dropped a lot.",
                "192.0.2.9", "Firefox", null, null);
        double before = b.wiring().spam().screen(campaign).spamProbability(); // the weights now held on b
        CommentService comments = a.wiring().comments();
        for (int i = 0; i < 3; i++) {
            String token = comments.formToken(bridge.id());
            clock.advance(Duration.ofSeconds(20));
            var c = comments.post(new NewComment(bridge.id(), null, "Marta Kowalska", "marta" + i + "@example.net",
                    "https://solar-leads.example", "Solar panels, number " + i + ", paid off for our home.",
                    "192.0.2." + (10 + i), "Firefox", token, ""));
            if (c.status() != CommentStatus.SPAM) comments.moderate(c.id(), CommentService.Action.SPAM, "", editor);
        }
        double onA = a.wiring().spam().screen(campaign).spamProbability();
        assertThat(onA).isGreaterThan(before);

        long start = System.nanoTime();
        while (b.wiring().spam().screen(campaign).spamProbability() != onA) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("b scores with a's weights").isLessThan(WITHIN);
            Thread.sleep(10);
        }
    }

    @Test
    void two_nodes_training_the_spam_classifier_at_once_both_succeed_and_leave_one_model() throws Exception {
        SpamClassifier onA = new SpamClassifier(a.wiring().database().jdbi(), clock);
        SpamClassifier onB = new SpamClassifier(b.wiring().database().jdbi(), clock);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> trainedOnA = nodes.submit(() -> {
                    together.await();
                    onA.retrain();
                    return null;
                });
                Future<?> trainedOnB = nodes.submit(() -> {
                    together.await();
                    onB.retrain();
                    return null;
                });
                trainedOnA.get();
                trainedOnB.get();
            }
        } finally {
            nodes.shutdown();
        }
        assertThat(onB.screen(new NewComment(bridge.id(), null, "Cheap pills", "x@example.net", "http://pills.example",
                "Buy cheap pills now http://pills.example", "192.0.2.9", "Bot", null, null)).spamProbability())
                .isGreaterThan(0.5);
    }
}
