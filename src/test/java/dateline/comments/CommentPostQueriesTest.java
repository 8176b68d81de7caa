package dateline.comments;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.site.CommentSettings;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A comment post costs a small, fixed number of SQL statements, whatever the number of comments already on
 * its article, waiting or shown: sites take hundreds of comments a second on a story that is picked up.
 */
class CommentPostQueriesTest {
    /**
     * The threads of the site's background work, whose statements are not the post's: the reading of other
     * nodes' changes each second among them, which a post met now and then.
     */
    private static final Set<String> BACKGROUND = Set.of("mail-outbox", "webhook-deliveries",
            "dateline-invalidations", "dateline-notices", "dateline-housekeeping", "dateline-scheduled-publishing",
            "dateline-spam-model");

    private TestSite site;
    private Http http;
    private Article article;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openSite() {
        site = TestSite.serving();
        http = site.http();
        article = site.articles().anArticle().by(site.anAuthor("Alice Moreau")).publishedAt(TestSite.START).article();
        site.wiring().database().jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                if (!BACKGROUND.contains(Thread.currentThread().getName())) statements.add(context.getRenderedSql());
            }
        });
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    /** The statements one reader's comment runs, from the form's arrival to the redirect to it. */
    private List<String> statementsToPost(int n) {
        String token = CommentForms.tokenOn(http, article.path());
        site.clock().advance(Duration.ofSeconds(20));
        statements.clear();
        HttpResponse<String> answer = http.post("/comments", Http.form("article", Long.toString(article.id()),
                "comment", "Reader " + n + " thinks the bridge was worth the wait.", "name", "Reader " + n,
                "email", "reader" + n + "@example.net", "website", "", "parent", "", "form_token", token),
                "Origin", site.baseUrl());
        assertThat(answer.statusCode()).isEqualTo(303);
        return List.copyOf(statements);
    }

    private static long count(List<String> statements, String start) {
        return statements.stream().filter(s -> s.startsWith(start)).count();
    }

    @Test
    void a_post_reads_its_article_once_and_runs_as_many_statements_under_a_long_queue_as_under_none() {
        List<String> first = statementsToPost(1);
        Account editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, null));
        CommentService comments = site.wiring().comments();
        for (int i = 0; i < 50; i++) comments.commentAsStaff(article.id(), "Shown number " + i + ".", editor);
        for (int i = 2; i < 60; i++) statementsToPost(i);
        List<String> later = statementsToPost(60);

        // no more for the sixtieth than for the first (which also made the network address's limit)
        assertThat(later.size()).as(String.join("\n", later)).isLessThanOrEqualTo(first.size());
        assertThat(count(later, "SELECT a.id, a.slug")).as("the article read").isEqualTo(1);
        // the article alone, one statement; what its page shows beside it is not read to take a comment
        assertThat(later).as("the article's page read").noneMatch(s -> s.contains("FROM article_authors")
                || s.contains("FROM tags") || s.contains("FROM article_updates"));
        // the checks of what the database knows already (a duplicate, the form's use, an approved comment): one
        assertThat(count(later, "SELECT EXISTS")).as("the checks before storing").isEqualTo(1);
        // the article, the checks, the buckets, the writer's seven (savepoint and release on SQLite), the page: 11,
        // besides the site's check of its settings' version (at most once a second; the clock here moves 20 s a post)
        assertThat(later.stream().filter(s -> !s.startsWith("SELECT value FROM settings")).toList())
                .as(String.join("\n", later)).hasSizeLessThanOrEqualTo(11);
        assertThat(first.size()).as(String.join("\n", first)).isLessThanOrEqualTo(15);
        // the flood limit's two buckets read together once, even new ones, and written with the comment
        assertThat(count(first, "SELECT bucket_key, state FROM rate_limits")).as("the limit's buckets read").isEqualTo(1);
        assertThat(count(later, "SELECT bucket_key, state FROM rate_limits")).as("the limit's buckets read").isEqualTo(1);
        assertThat(count(later, "SELECT state FROM rate_limits")).as("a bucket read alone").isZero();
        assertThat(count(later, "SAVEPOINT")).as("turns through the database writer").isLessThanOrEqualTo(1);
        // a new site's spam classifier is held whole: not even the words never met before cost a statement
        assertThat(count(later, "SELECT feature, weight FROM spam_weights")).as("the spam weights read").isZero();
    }

    @Test
    void the_answer_sends_the_reader_to_the_page_their_comment_is_on() {
        site.wiring().site().saveComments(new CommentSettings(5, 5, false, false, true, 2, "", "", true, true, 30, 0, 30));
        Account editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, null));
        CommentService comments = site.wiring().comments();
        Comment first = comments.commentAsStaff(article.id(), "First.", editor);
        for (int i = 2; i <= 5; i++) comments.commentAsStaff(article.id(), "Shown number " + i + ".", editor);
        for (int i = 1; i <= 3; i++) statementsToPost(i);
        String token = CommentForms.tokenOn(http, article.path());
        site.clock().advance(Duration.ofSeconds(20));
        HttpResponse<String> reply = http.post("/comments", Http.form("article", Long.toString(article.id()),
                "comment", "An answer to the first.", "name", "Dora", "email", "dora@example.net", "website", "",
                "parent", Long.toString(first.id()), "form_token", token), "Origin", site.baseUrl());
        site.clock().advance(Duration.ofSeconds(20));
        HttpResponse<String> top = http.post("/comments", Http.form("article", Long.toString(article.id()),
                "comment", "A new thought.", "name", "Eve", "email", "eve@example.net", "website", "",
                "parent", "", "form_token", token), "Origin", site.baseUrl());

        // five shown top-level comments and three waiting that are not this reader's: one page for everyone else
        assertThat(reply.headers().firstValue("Location").orElseThrow()).matches(".*/#comment-\\d+");
        assertThat(top.headers().firstValue("Location").orElseThrow()).matches(".*/\\?cpage=2#comment-\\d+");
    }

    @Test
    void the_comment_a_post_answers_is_the_comment_as_stored() {
        CommentService comments = site.wiring().comments();
        String token = comments.formToken(article.id());
        site.clock().advance(Duration.ofSeconds(20).plusNanos(1_234_567));
        Comment plain = comments.post(new NewComment(article.id(), null, "Ana", "Ana@Example.org", "ana.example.org",
                "A *first* thought.", "198.51.100.7", "Mozilla/5.0 (X11)", token, ""));
        site.clock().advance(Duration.ofSeconds(20).plusNanos(7));
        Comment spam = comments.post(new NewComment(article.id(), null, "Cheap pills", "pills@example.net",
                "", "Cheap pills at https://pills.example.com and https://bit.ly/x and http://www.casino.example.com "
                        + "WIN $1000 NOW", null, null, token, "filled"));

        assertThat(plain).isEqualTo(comments.byId(plain.id()).orElseThrow());
        assertThat(spam).isEqualTo(comments.byId(spam.id()).orElseThrow());
        assertThat(spam.status()).isEqualTo(CommentStatus.SPAM);
        assertThat(spam.spamReasons()).isNotEmpty();
    }
}
