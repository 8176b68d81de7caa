package dateline.comments;

import static dateline.testing.Pages.cookie;
import static dateline.testing.Pages.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.ArticleDraft;
import dateline.articles.FullArticle;
import dateline.site.CommentSettings;
import dateline.testing.HtmlChecker;
import dateline.testing.Http;
import dateline.testing.ServedPage;
import dateline.testing.TestSite;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page that shows readers' comments, public and newsroom, passes the Nu HTML Checker without an error
 * in each situation that changes its markup: a deep thread with a staff reply, a website and formatting;
 * replying without JavaScript; a reader's own waiting comment; refused comments; closed comments; pages of
 * comments; the moderation queue and desk; personal data. The comment feeds are RSS 2.0 with approved
 * comments only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentPagesValidityTest {
    private static final String FORMATTED = """
            I was <b>there</b> on Monday, and <i>honestly</i> it was <em>chaos</em>: <strong>two hours</strong> in traffic.
            A second line, after a single break.

            <blockquote>The bridge reopened on Monday.

            Traffic was light.</blockquote>

            Not quite: see <a href="https://example.org/traffic?day=monday&amp;hour=8">the traffic report</a> \
            and <code>route <7> & co</code>, or www.example.com/map""";

    private TestSite site;
    private Http http;
    private CommentService comments;
    private final HtmlChecker checker = new HtmlChecker();
    private final Map<String, ServedPage> pages = new LinkedHashMap<>();
    private Account admin;
    private String adminCookie;
    private String adminCsrf;
    private FullArticle discussed;
    private FullArticle closed;
    private int clientNumber;

    @BeforeAll
    void buildSite() {
        site = TestSite.serving();
        http = site.http();
        comments = site.wiring().comments();
        admin = site.wiring().accounts().open(new NewAccount("ada@example.org", "Ada Lindqvist", Role.ADMINISTRATOR, null));
        var session = site.wiring().sessions().begin(admin, "test");
        adminCookie = "dateline_session=" + session.token();
        adminCsrf = session.signedIn().csrfToken();
        Account author = site.anAuthor("Nadia Rahman");
        discussed = site.articles().anArticle().headline("Harbour bridge reopens after repairs").by(author)
                .publishedAt(site.clock().instant());
        String path = discussed.article().path();

        // A thread several levels deep, with a website, formatting and a reply from the newsroom.
        long lena = approved(null, "Lena Fischer", "lena@example.net", "lena.example.net/blog", FORMATTED);
        long tomasz = approved(lena, "Tomasz Nowak", "tomasz@example.net", "", "Two hours? It was three for me.");
        long grace = approved(tomasz, "Grace Okafor", "grace@example.net", "https://grace.example.net",
                "Did anyone try the ferry instead?");
        long staff = comments.replyAsStaff(grace, "The ferry ran every twenty minutes all week. <i>— the editors</i>",
                admin).id();
        long deep = approved(staff, "Jonas Berg", "jonas@example.net", "", "Thanks, I didn't know that.");
        long beside = approved(deep, "Tomasz Nowak", "tomasz@example.net", "", "Neither did I; deeper than the thread goes.");
        long second = approved(null, "Priya Nair", "priya@example.net", "", "Will the buses go back to the old route?");
        comments.edit(second, "Will the buses go back to their old route, and when?", admin);
        for (String word : List.of("Finally", "About time", "Well done")) {
            approved(null, word + " Reader", word.replace(" ", "").toLowerCase() + "@example.net", "", word + ", says I.");
        }
        long third = approved(null, "Sam O'Neill", "sam@example.net", "", "Good news for cyclists at last.");
        long pending = post(null, "Unknown Reader", "unknown@example.net", "", "Hold this one for a moderator.").id();
        long spam = post(null, "Cheap Pills", "pills@example.net", "", "Buy cheap pills now").id();
        comments.moderate(spam, CommentService.Action.SPAM, "selling pills", admin);
        long trashed = post(null, "Rude Reader", "rude@example.net", "", "Something rude.").id();
        comments.moderate(trashed, CommentService.Action.TRASH, "", admin);
        assertThat(comments.byId(beside).orElseThrow().parentId()).as("past the deepest level, beside its parent").isEqualTo(staff);

        ArticleDraft d = site.articles().anArticle().headline("Mayor opens the new library").by(author).draft();
        closed = site.wiring().articles().publishNew(new ArticleDraft(d.headline(), d.slug(), d.standfirst(), d.body(),
                d.bodyFormat(), d.type(), d.sectionId(), d.tags(), d.authorIds(), d.datelinePlace(), false, null),
                site.clock().instant());
        comments.importThreads(List.of(new CommentService.ImportedThread(closed.article().id(), List.of(
                new CommentService.Imported(-1, "Old Reader", "old@example.net", "https://old.example.net",
                        "From before comments were closed.", site.clock().instant(), CommentStatus.APPROVED),
                new CommentService.Imported(0, "Older Reader", "older@example.net", "", "A reply to it.",
                        site.clock().instant(), CommentStatus.APPROVED)))));

        // What readers see.
        pages.put("article with a deep thread, a staff reply, a website and formatting", new ServedPage(200, http.get(path),
                "<ol class=\"children\">", "comment-staff", "depth-5", "<blockquote>", "<code>", "<strong>",
                "rel=\"nofollow ugc noopener\" class=\"url\"", "href=\"https://lena.example.net/blog\"", "11 comments"));
        pages.put("article replying to a comment, without JavaScript", new ServedPage(200, http.get(path + "?replytocom=" + tomasz),
                "Leave a Reply to Tomasz Nowak", "name=\"parent\" id=\"comment_parent\" value=\"" + tomasz + "\""));
        pages.put("article replying to a comment that is not shown", new ServedPage(200, http.get(path + "?replytocom=" + pending),
                ">Leave a Reply<"));

        String token = CommentForms.tokenOn(http, path);
        site.clock().advance(Duration.ofSeconds(20));
        HttpResponse<String> posted = postForm("article", id(discussed), "parent", Long.toString(lena),
                "comment", "My own reply, <em>waiting</em>.", "name", "Ines Moreau", "email", "ines@example.net",
                "website", "ines.example.net", "remember", "yes", "form_token", token);
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(header(posted, "location")).matches(java.util.regex.Pattern.quote(path) + "#comment-\\d+");
        String own = "dateline_own_comments=" + cookie(posted, "dateline_own_comments");
        pages.put("article with the reader's own waiting reply", new ServedPage(200, http.get(path, "Cookie", own),
                "Your comment is awaiting moderation.", "comment-waiting"));
        pages.put("refused comment: too soon after the last one", new ServedPage(429, postForm("article", id(discussed),
                "comment", "Quickly again.", "name", "Ines Moreau", "email", "ines@example.net"),
                "You are posting comments too quickly."));
        site.clock().advance(Duration.ofSeconds(20));
        pages.put("refused comment: fields missing or wrong", new ServedPage(422, postForm("article", id(discussed),
                "comment", "   ", "name", "", "email", "not-an-address", "website", "not a website", "remember", "yes"),
                "comment-form-message", "id=\"comment-error\"", "id=\"name-error\"", "id=\"email-error\"",
                "id=\"website-error\"", "aria-invalid=\"true\""));
        // a web address without its scheme is taken (https:// is added), so it comes back as typed
        pages.put("refused comment: name missing, a website without its scheme", new ServedPage(422, postForm("article",
                id(discussed), "comment", "Who am I?", "name", "", "email", "a@example.net", "website", "example.net/ines"),
                "id=\"name-error\"", "value=\"example.net/ines\""));
        pages.put("refused comment: too long, with a name too long", new ServedPage(422, postForm("article", id(discussed),
                "comment", "x".repeat(CommentService.MAX_LENGTH + 1), "name", "N".repeat(300), "email", "a@example.net"),
                "id=\"comment-error\"", "id=\"name-error\""));
        pages.put("refused comment: a reply to a comment that is not shown", new ServedPage(422, postForm("article",
                id(discussed), "parent", Long.toString(spam), "comment", "Replying to spam.", "name", "Ines Moreau",
                "email", "ines@example.net"), "The comment you are replying to is not available."));
        pages.put("refused comment: this copy of the page already sent one from the address", new ServedPage(409,
                postForm("article", id(discussed), "comment", "Another thought, same page.", "name", "Ines Moreau",
                        "email", "ines@example.net", "form_token", token), "already sent a comment from your email address"));
        pages.put("refused comment: said already", new ServedPage(409, postForm("article", id(discussed), "parent",
                Long.toString(lena), "comment", "My own reply, <em>waiting</em>.", "name", "Ines Moreau",
                "email", "ines@example.net"), "the same comment is already posted"));
        pages.put("closed article with its comments", new ServedPage(200, http.get(closed.article().path()),
                "Comments are closed.", "2 comments", "<ol class=\"children\">"));
        pages.put("refused comment: comments are closed", new ServedPage(403, postForm("article", id(closed),
                "comment", "Too late?", "name", "Ines Moreau", "email", "ines@example.net"), "Comments are closed."));

        // The newsroom's comment desk.
        for (CommentStatus status : CommentStatus.values()) {
            newsroomPage("moderation queue, " + status.code(), 200, "/admin/comments?status=" + status.code(),
                    "aria-current=\"page\">" + status.label() + " (", "name=\"ids\"");
        }
        newsroomPage("moderation queue, searched", 200, "/admin/comments?status=approved&q=ferry", "Grace Okafor");
        newsroomPage("moderation queue, nothing found", 200, "/admin/comments?status=spam&q=nothing-like-this",
                "No comments here.");
        newsroomPage("moderation queue after a bulk action", 200, "/admin/comments?status=pending&done=nothing",
                "Choose comments and an action.");
        newsroomPage("one comment with its record", 200, "/admin/comments/" + second + "?done=edited",
                "Record of decisions", "received as pending", "approve, by Ada Lindqvist", "edited, by Ada Lindqvist",
                "The comment is saved.");
        newsroomPage("one comment with a website and formatting", 200, "/admin/comments/" + lena, "<blockquote>",
                "lena@example.net", "See it on the site");
        newsroomPage("one comment from the newsroom", 200, "/admin/comments/" + staff, "replied as the newsroom");
        newsroomPage("one comment, waiting", 200, "/admin/comments/" + pending, "value=\"approve\"",
                "Judged on arrival", "class=\"spam-score spam-score-fine\"");
        newsroomPage("moderation queue with spam scores and reasons", 200, "/admin/comments?status=pending",
                "class=\"spam-judgement\"", "Spam score");
        newsroomPage("one comment, spam", 200, "/admin/comments/" + spam, "value=\"restore\"", "selling pills");
        pages.put("one comment after a refused edit", new ServedPage(422, postAdmin("/admin/comments/" + third + "/edit",
                "comment", "  "), "id=\"comment-error\"", "aria-invalid=\"true\""));
        pages.put("one comment after a refused reply", new ServedPage(422, postAdmin("/admin/comments/" + third + "/reply",
                "reply", ""), "id=\"reply-error\""));
        newsroomPage("personal data", 200, "/admin/privacy");
        pages.put("personal data after a refused export", new ServedPage(422, postAdmin("/admin/privacy/export", "email", ""),
                "id=\"email-error\""));
        pages.put("personal data after an erase without confirming", new ServedPage(422, postAdmin("/admin/privacy/erase",
                "email", "sam@example.net", "text", "remove"), "id=\"confirm-error\"", "value=\"sam@example.net\""));
        pages.put("personal data after an erase of no address", new ServedPage(422, postAdmin("/admin/privacy/erase",
                "email", "not an address", "text", "keep", "confirm", "on"), "Enter the reader's email address."));
        pages.put("personal data after an erase", new ServedPage(200, postAdmin("/admin/privacy/erase",
                "email", "nobody@example.net", "text", "keep", "confirm", "on"), "No comment has this address."));

        // Pages of comments: five conversations a page, the least the settings allow, so six make two pages.
        CommentSettings usual = site.wiring().site().comments();
        site.wiring().site().saveComments(new CommentSettings(usual.threadDepth(), 5, usual.newestFirst(), usual.holdAll(),
                usual.trustPreviouslyApproved(), usual.linkLimit(), usual.moderationWords(), usual.disallowedWords(),
                usual.notifyAuthors(), usual.notifyModerators(), usual.keepAddressesDays(), usual.minimumFillSeconds(),
                usual.emptySpamAfterDays()));
        pages.put("comments, first of two pages", new ServedPage(200, http.get(path), "aria-label=\"Pages of comments\"",
                "href=\"" + path + "?cpage=2#comments\""));
        pages.put("comments, second of two pages", new ServedPage(200, http.get(path + "?cpage=2"),
                "<span aria-current=\"page\">2</span>", "id=\"comment-" + third + "\"",
                "?cpage=2&amp;replytocom=" + third + "#respond"));
        pages.put("comments, second page, replying", new ServedPage(200, http.get(path + "?cpage=2&replytocom=" + third),
                "Leave a Reply to Sam O"));
        site.wiring().site().saveComments(usual);
    }

    @AfterAll
    void closeSite() {
        if (site != null) site.close();
    }

    Iterable<String> pageTypes() {
        return pages.keySet();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageTypes")
    void has_no_html_errors(String pageType) {
        pages.get(pageType).assertValid(pageType, checker);
    }

    @Test
    void the_site_comment_feed_is_rss_with_the_approved_comments_only() throws Exception {
        HttpResponse<String> response = http.get("/comments/feed/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "content-type")).startsWith("application/rss+xml");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(idsIn(feed)).isEqualTo(approvedIds(null));
        assertThat(response.body()).doesNotContain("@example.net").doesNotContain("ada@example.org");
    }

    @Test
    void an_article_comment_feed_is_rss_with_its_approved_comments_only() throws Exception {
        String path = discussed.article().path();
        HttpResponse<String> response = http.get(path + "feed/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "content-type")).startsWith("application/rss+xml");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getLink()).isEqualTo(site.baseUrl() + path);
        assertThat(idsIn(feed)).isEqualTo(approvedIds(discussed.article().id())).hasSize(11);
        assertThat(feed.getEntries()).allSatisfy(e -> assertThat(e.getLink()).startsWith(site.baseUrl() + path + "#comment-"));
        assertThat(response.body()).doesNotContain("@example.net").doesNotContain("ada@example.org")
                .doesNotContain("Hold this one for a moderator").doesNotContain("Buy cheap pills")
                .doesNotContain("My own reply");

        SyndFeed closedFeed = new SyndFeedInput().build(new StringReader(http.get(closed.article().path() + "feed/").body()));
        assertThat(idsIn(closedFeed)).isEqualTo(approvedIds(closed.article().id())).hasSize(2);
    }

    // ---- building the site

    /** A reader's comment through the service, as if from an address of its own, approved by a moderator. */
    private long approved(Long parent, String name, String email, String website, String text) {
        Comment c = post(parent, name, email, website, text);
        if (c.status() != CommentStatus.APPROVED) comments.moderate(c.id(), CommentService.Action.APPROVE, "", admin);
        return c.id();
    }

    private Comment post(Long parent, String name, String email, String website, String text) {
        String token = comments.formToken(discussed.article().id());
        site.clock().advance(Duration.ofMinutes(3));
        return comments.post(new NewComment(discussed.article().id(), parent, name, email, website, text,
                "192.0.2." + ++clientNumber, "test", token, ""));
    }

    private Set<Long> approvedIds(Long articleId) {
        return comments.queue(CommentStatus.APPROVED, null, null, 100, admin).items().stream()
                .filter(c -> articleId == null || c.articleId() == articleId).map(Comment::id).collect(Collectors.toSet());
    }

    private static Set<Long> idsIn(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getLink)
                .map(link -> Long.valueOf(link.substring(link.lastIndexOf("#comment-") + "#comment-".length())))
                .collect(Collectors.toSet());
    }

    private static String id(FullArticle full) {
        return Long.toString(full.article().id());
    }

    /** The comment form as a reader's browser sends it, from a page of this site. */
    private HttpResponse<String> postForm(String... fields) {
        return http.post("/comments", Http.form(fields), "Origin", site.baseUrl());
    }

    private void newsroomPage(String name, int status, String path, String... shows) {
        pages.put(name, new ServedPage(status, http.get(path, "Cookie", adminCookie), shows));
    }

    private HttpResponse<String> postAdmin(String path, String... fields) {
        Map<String, String> form = new LinkedHashMap<>(Http.form(fields));
        form.put("csrf", adminCsrf);
        return http.post(path, form, "Cookie", adminCookie, "Origin", site.baseUrl());
    }
}
