package dateline.comments;

import static dateline.testing.Pages.all;
import static dateline.testing.Pages.cookie;
import static dateline.testing.Pages.header;
import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The comment section and the comment form, through real HTTP. */
class CommentRoutesTest {
    private TestSite site;
    private Http http;
    private Article article;
    private Account editor;

    @BeforeEach
    void openSite() {
        site = TestSite.serving();
        http = site.http();
        Account author = site.anAuthor("Alice Moreau");
        editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, null));
        article = site.articles().anArticle().by(author).publishedAt(TestSite.START).article();
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    /** A reader loads the article page, writes for twenty seconds and sends the form with these fields. */
    private HttpResponse<String> post(Map<String, String> fields, String... headers) {
        Map<String, String> form = new java.util.LinkedHashMap<>(fields);
        if (!form.containsKey("form_token")) form.put("form_token", CommentForms.tokenOn(http, article.path()));
        site.clock().advance(Duration.ofSeconds(20));
        form.putIfAbsent("article", Long.toString(article.id()));
        String[] all = new String[headers.length + 2];
        all[0] = "Origin";
        all[1] = site.baseUrl();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.post("/comments", form, all);
    }

    private static Map<String, String> comment(String text, String name, String email) {
        return Http.form("comment", text, "name", name, "email", email, "website", "", "parent", "");
    }

    @Nested
    class The_form {
        @Test
        void reads_as_readers_know_it_with_every_field_labelled_in_order() {
            String html = http.get(article.path()).body();
            assertThat(html).contains("<h3 id=\"reply-title\" class=\"comment-reply-title\"><span id=\"reply-title-text\" "
                    + "data-default=\"Leave a Reply\">Leave a Reply</span>");
            assertThat(html).contains("Your email address will not be published.", "Required fields are marked",
                    "Save my name, email, and website in this browser for the next time I comment.",
                    "<button type=\"submit\" id=\"submit\" class=\"button\">Post Comment</button>");
            int comment = html.indexOf("name=\"comment\""), name = html.indexOf("name=\"name\""),
                    email = html.indexOf("name=\"email\""), website = html.indexOf("name=\"website\""),
                    remember = html.indexOf("name=\"remember\""), parent = html.indexOf("name=\"parent\"");
            assertThat(comment).isLessThan(name);
            assertThat(name).isLessThan(email);
            assertThat(email).isLessThan(website);
            assertThat(website).isLessThan(remember);
            assertThat(remember).isLessThan(parent);
            for (String field : new String[] {"comment", "name", "email", "website", "remember"}) {
                assertThat(html).contains("<label for=\"" + field + "\">");
            }
            assertThat(html).contains("<label for=\"comment\">Comment <span class=\"required\">*</span></label>",
                    "<label for=\"name\">Name <span class=\"required\">*</span></label>",
                    "<label for=\"email\">Email <span class=\"required\">*</span></label>",
                    "<label for=\"website\">Website</label>");
            assertThat(html).containsPattern("name=\"name\"[^>]*autocomplete=\"name\"[^>]*required")
                    .containsPattern("name=\"email\"[^>]*autocomplete=\"email\"[^>]*required")
                    .containsPattern("name=\"website\"[^>]*autocomplete=\"url\"");
        }

        @Test
        void replying_without_javascript_sets_the_form_to_the_comment() {
            HttpResponse<String> sent = post(comment("Question?", "Ana Lima", "ana@example.org"));
            long id = Long.parseLong(header(sent, "location").replaceAll(".*#comment-", ""));
            site.wiring().comments().moderate(id, CommentService.Action.APPROVE, "", editor);
            String page = http.get(article.path()).body();
            assertThat(page).contains("href=\"" + article.path() + "?replytocom=" + id + "#respond\"");
            String replying = http.get(article.path() + "?replytocom=" + id).body();
            assertThat(replying).contains(">Leave a Reply to Ana Lima</span>", ">Cancel reply</a>",
                    "name=\"parent\" id=\"comment_parent\" value=\"" + id + "\"");
        }
    }

    @Nested
    class Posting {
        @Test
        void a_comment_leads_back_to_its_anchor_and_waits_seen_only_by_its_author() {
            HttpResponse<String> sent = post(comment("My first comment.", "Ana Lima", "ana@example.org"));
            assertThat(sent.statusCode()).isEqualTo(303);
            assertThat(header(sent, "location")).matches(article.path().replace("/", "\\/") + "#comment-\\d+");
            String own = "dateline_own_comments=" + cookie(sent, "dateline_own_comments");

            String authorView = http.get(article.path(), "Cookie", own).body();
            assertThat(authorView).contains("My first comment.", "Your comment is awaiting moderation.");
            String othersView = http.get(article.path()).body();
            assertThat(othersView).doesNotContain("My first comment.").contains("No comments yet");
            String forged = http.get(article.path(), "Cookie", own.replaceAll("~.*", "~forged")).body();
            assertThat(forged).doesNotContain("My first comment.");
        }

        @Test
        void an_approved_comment_is_seen_by_everyone_with_its_details() {
            HttpResponse<String> sent = post(Http.form("comment", "Well said. See https://example.org/report",
                    "name", "Ana Lima", "email", "ana@example.org", "website", "ana.example.org"));
            long id = Long.parseLong(header(sent, "location").replaceAll(".*#comment-", ""));
            site.wiring().comments().moderate(id, CommentService.Action.APPROVE, "", editor);
            String html = http.get(article.path()).body();
            assertThat(html).contains("1 comment", "id=\"comment-" + id + "\"",
                    "<a href=\"https://ana.example.org\" rel=\"nofollow ugc noopener\" class=\"url\">Ana Lima</a>",
                    "href=\"#comment-" + id + "\"><time datetime=\"2024-06-20T",
                    "<span class=\"avatar avatar-", "aria-hidden=\"true\">AL</span>",
                    "href=\"https://example.org/report\" rel=\"nofollow ugc noopener\"")
                    .doesNotContain("gravatar");
        }

        @Test
        void a_refused_comment_comes_back_with_a_message_at_each_field_and_everything_typed() {
            HttpResponse<String> refused = post(Http.form("comment", "My <b>careful</b> words, kept.", "name", "",
                    "email", "not-an-address", "website", "x", "remember", "yes"));
            assertThat(refused.statusCode()).isEqualTo(422);
            String html = refused.body();
            assertThat(html).contains("id=\"name-error\"", "id=\"email-error\"", "id=\"website-error\"",
                    ">My &lt;b&gt;careful&lt;/b&gt; words, kept.</textarea>", "value=\"not-an-address\"",
                    "Your comment was not posted.")
                    .containsPattern("id=\"remember\"[^>]*checked");
            assertThat(site.wiring().comments().counts().values().stream().mapToLong(Long::longValue).sum()).isZero();
        }

        @Test
        void a_comment_that_is_too_long_is_refused_with_a_message_and_kept() {
            HttpResponse<String> refused = post(comment("x".repeat(CommentService.MAX_LENGTH + 10), "Ana", "ana@example.org"));
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("the longest a comment can be is 65,525");
        }

        @Test
        void posting_too_quickly_answers_429_and_keeps_the_comment() {
            post(comment("One.", "Ana", "ana@example.org"));
            HttpResponse<String> quick = http.post("/comments", Http.form("article", Long.toString(article.id()),
                    "comment", "Two, too soon.", "name", "Ana", "email", "ana@example.org", "website", ""),
                    "Origin", site.baseUrl());
            assertThat(quick.statusCode()).isEqualTo(429);
            assertThat(header(quick, "retry-after")).isNotNull();
            assertThat(quick.body()).contains("too quickly", "Two, too soon.");
        }

        @Test
        void the_same_comment_twice_is_refused_as_a_duplicate() {
            post(comment("Same.", "Ana", "ana@example.org"));
            HttpResponse<String> again = post(comment("Same.", "Ana", "ana@example.org"));
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("already said that");
        }

        @Test
        void a_post_from_another_site_or_without_an_origin_is_refused() {
            Map<String, String> form = new java.util.LinkedHashMap<>(comment("Forged", "X", "x@example.org"));
            form.put("form_token", CommentForms.tokenOn(http, article.path()));
            site.clock().advance(Duration.ofSeconds(20));
            form.put("article", Long.toString(article.id()));
            assertThat(http.post("/comments", form, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
            assertThat(http.post("/comments", form, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
            assertThat(http.post("/comments", form).statusCode()).isEqualTo(403);
            assertThat(http.post("/comments", form, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(303);
        }

        @Test
        void remember_me_keeps_the_details_in_the_readers_cookie_only_when_ticked() {
            HttpResponse<String> ticked = post(Http.form("comment", "Hi", "name", "Ana Lima", "email", "ana@example.org",
                    "website", "", "remember", "yes"));
            assertThat(cookie(ticked, "dateline_commenter")).contains("ana%40example.org");
            assertThat(header(ticked, "set-cookie")).isNotNull();
            HttpResponse<String> unticked = post(Http.form("comment", "Hi again", "name", "Ana Lima",
                    "email", "ana@example.org", "website", ""));
            assertThat(unticked.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("dateline_commenter=ana"));
            String page = http.get(article.path()).body();
            assertThat(page).doesNotContain("Ana Lima\"").doesNotContain("ana@example.org");
        }
    }

    @Nested
    class Closed_articles {
        @Test
        void say_comments_are_closed_and_refuse_posts() {
            site.wiring().site().save(site.wiring().site().settings()); // defaults: never closing by age
            var s = site.wiring().site().settings();
            site.wiring().site().save(new dateline.site.SiteSettings(s.title(), s.description(), s.timezone(),
                    s.dateFormat(), s.timeFormat(), s.language(), s.articlesPerPage(), true, 3, s.uploadLimitMegabytes()));
            site.clock().set(TestSite.START.plus(Duration.ofDays(4)));
            String html = http.get(article.path()).body();
            assertThat(html).contains("Comments are closed.").doesNotContain("id=\"commentform\"");
            Map<String, String> late = new java.util.LinkedHashMap<>(comment("Late", "Ana", "ana@example.org"));
            late.put("form_token", ""); // a closed article's page has no form
            HttpResponse<String> refused = post(late);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("Comments are closed on this article.");
        }
    }

    @Test
    void the_feeds_carry_approved_comments_by_name_only() {
        HttpResponse<String> sent = post(comment("Approved words.", "Ana Lima", "ana@example.org"));
        long id = Long.parseLong(header(sent, "location").replaceAll(".*#comment-", ""));
        site.wiring().comments().moderate(id, CommentService.Action.APPROVE, "", editor);
        post(comment("Waiting words.", "Bea", "bea@example.org"));
        for (String feed : new String[] {"/comments/feed/", article.path() + "feed/"}) {
            HttpResponse<String> rss = http.get(feed);
            assertThat(rss.statusCode()).as(feed).isEqualTo(200);
            assertThat(header(rss, "content-type")).startsWith("application/rss+xml");
            assertThat(rss.body()).contains("Approved words.", "Ana Lima", article.path() + "#comment-" + id)
                    .doesNotContain("Waiting words.", "ana@example.org");
            assertThat(all(rss.body(), "<item>()")).hasSize(1);
        }
    }
}
