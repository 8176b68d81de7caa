package dateline.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.articles.ArticleDraft;
import dateline.articles.Edit;
import dateline.site.CommentSettings;
import dateline.site.SiteSettings;
import dateline.testing.TestSite;
import dateline.web.InvalidInput;
import dateline.web.NotAllowed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Taking comments in, threading them and moderating them, over a real SQLite file. */
class CommentServiceTest {
    private TestSite site;
    private CommentService comments;
    private Article article;
    private Account author;
    private Account editor;

    @BeforeEach
    void openSite() {
        site = TestSite.services();
        comments = site.wiring().comments();
        author = site.anAuthor("Alice Moreau");
        editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, null));
        article = site.articles().anArticle().by(author).publishedAt(TestSite.START).article();
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    /** A reader's comment, a little after the last, so that the flood limit is not in the way. */
    private Comment post(String email, String text, Long parent) {
        String token = comments.formToken(article.id());
        site.clock().advance(Duration.ofSeconds(20));
        return comments.post(new NewComment(article.id(), parent, "Reader " + email.charAt(0), email, "", text,
                "198.51.100.7", "Firefox", token, ""));
    }

    private Comment approved(String email, String text, Long parent) {
        Comment c = post(email, text, parent);
        return c.status() == CommentStatus.APPROVED ? c : comments.moderate(c.id(), CommentService.Action.APPROVE, "", editor);
    }

    @Nested
    class Taking_comments_in {
        @Test
        void a_first_comment_waits_and_a_later_one_from_the_same_address_appears_at_once() {
            Comment first = post("ana@example.org", "First!", null);
            assertThat(first.status()).isEqualTo(CommentStatus.PENDING);
            comments.moderate(first.id(), CommentService.Action.APPROVE, "", editor);
            assertThat(post("ANA@example.org", "Second.", null).status()).isEqualTo(CommentStatus.APPROVED);
        }

        @Test
        void every_field_is_checked_and_each_problem_named() {
            assertThatThrownBy(() -> comments.post(new NewComment(article.id(), null, " ", "not-an-address",
                    "not a site", " ", "198.51.100.7", "", comments.formToken(article.id()), "")))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                            .containsKeys("comment", "name", "email", "website"));
        }

        @Test
        void a_comment_longer_than_the_limit_is_refused_with_its_length() {
            String long65k = "a".repeat(CommentService.MAX_LENGTH + 1);
            assertThatThrownBy(() -> post("ana@example.org", long65k, null))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get("comment"))
                            .contains("65,526").contains("65,525"));
        }

        @Test
        void a_website_without_a_scheme_gets_https() {
            String token = comments.formToken(article.id());
            site.clock().advance(Duration.ofSeconds(20));
            Comment c = comments.post(new NewComment(article.id(), null, "Ana", "ana@example.org", "ana.example.org/blog",
                    "Hello", "198.51.100.7", "", token, ""));
            assertThat(c.authorWebsite()).isEqualTo("https://ana.example.org/blog");
        }

        @Test
        void the_same_text_from_the_same_address_is_a_duplicate() {
            post("ana@example.org", "Same words.", null);
            assertThatThrownBy(() -> post("ana@example.org", "Same words.", null)).isInstanceOf(CommentService.Duplicate.class);
            assertThat(post("bea@example.org", "Same words.", null).id()).isPositive();
        }

        @Test
        void of_comments_sent_at_once_from_one_address_one_is_taken_and_the_others_are_too_soon() throws Exception {
            String token = comments.formToken(article.id());
            site.clock().advance(Duration.ofSeconds(20));
            int readers = 8;
            ExecutorService threads = Executors.newFixedThreadPool(readers);
            try {
                CyclicBarrier together = new CyclicBarrier(readers);
                List<Future<Comment>> sent = new ArrayList<>();
                for (int i = 0; i < readers; i++) {
                    String email = "reader" + i + "@example.org";
                    sent.add(threads.submit(() -> {
                        together.await();
                        return comments.post(new NewComment(article.id(), null, "Reader", email, "",
                                "At once from " + email + ".", "198.51.100.9", "Firefox", token, ""));
                    }));
                }
                int taken = 0;
                for (Future<Comment> f : sent) {
                    try {
                        f.get();
                        taken++;
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(CommentService.TooSoon.class);
                    }
                }
                assertThat(taken).isEqualTo(1);
            } finally {
                threads.shutdown();
            }
        }

        @Test
        void one_comment_every_fifteen_seconds_per_network_address_and_per_email() {
            post("ana@example.org", "One.", null);
            String token = comments.formToken(article.id());
            assertThatThrownBy(() -> comments.post(new NewComment(article.id(), null, "Ana", "ana@example.org", "",
                    "Two.", "203.0.113.1", "", token, ""))).isInstanceOf(CommentService.TooSoon.class);
            assertThatThrownBy(() -> comments.post(new NewComment(article.id(), null, "Bea", "bea@example.org", "",
                    "From the same network address.", "198.51.100.7", "", token, ""))).isInstanceOf(CommentService.TooSoon.class);
            site.clock().advance(Duration.ofSeconds(16));
            assertThat(comments.post(new NewComment(article.id(), null, "Ana", "ana@example.org", "", "Two.",
                    "198.51.100.7", "", token, "")).id()).isPositive();
        }

        @Test
        void a_closed_article_refuses_comments() {
            Article current = site.wiring().articles().full(article.id()).orElseThrow().article();
            var full = site.wiring().articles().full(article.id()).orElseThrow();
            ArticleDraft closed = new ArticleDraft(current.headline(), current.slug(), current.standfirst(),
                    current.bodySource(), current.bodyFormat(), current.type(), current.sectionId(),
                    List.of(), full.bylines().stream().map(b -> b.accountId()).toList(), current.datelinePlace(), false,
                    null);
            site.wiring().articles().save(article.id(), closed, current.version(), Edit.minor(), author);
            assertThatThrownBy(() -> post("ana@example.org", "Hello", null)).isInstanceOf(CommentService.CommentsClosed.class);
        }

        @Test
        void comments_close_by_themselves_after_the_sites_number_of_days() {
            SiteSettings s = site.wiring().site().settings();
            site.wiring().site().save(new SiteSettings(s.title(), s.description(), s.timezone(), s.dateFormat(),
                    s.timeFormat(), s.language(), s.articlesPerPage(), true, 14, s.uploadLimitMegabytes()));
            site.clock().set(TestSite.START.plus(Duration.ofDays(13)));
            assertThat(post("ana@example.org", "Still open.", null).id()).isPositive();
            site.clock().set(TestSite.START.plus(Duration.ofDays(14)));
            assertThatThrownBy(() -> post("bea@example.org", "Too late.", null)).isInstanceOf(CommentService.CommentsClosed.class);
        }
    }

    @Nested
    class Threads {
        @Test
        void a_reply_to_a_comment_at_the_deepest_level_answers_at_that_level() {
            site.wiring().site().saveComments(new CommentSettings(3, 50, false, false, false, 2, "", "", false, false, 30, 3, 30));
            Comment one = approved("a@example.org", "1", null);
            Comment two = approved("b@example.org", "2", one.id());
            Comment three = approved("c@example.org", "3", two.id());
            Comment four = approved("d@example.org", "4", three.id());
            assertThat(three.depth()).isEqualTo(3);
            assertThat(four.depth()).isEqualTo(3);
            assertThat(four.parentId()).isEqualTo(two.id());
        }

        @Test
        void a_reply_to_a_comment_that_is_not_approved_or_belongs_elsewhere_is_refused() {
            Comment waiting = post("a@example.org", "Waiting", null);
            assertThatThrownBy(() -> post("b@example.org", "Reply", waiting.id()))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsKey("parent"));
            Article other = site.articles().anArticle().headline("Other").by(author).publishedAt(TestSite.START).article();
            String token = comments.formToken(other.id());
            site.clock().advance(Duration.ofSeconds(20));
            Comment elsewhere = comments.post(new NewComment(other.id(), null, "C", "c@example.org", "", "x", "1.1.1.1", "",
                    token, ""));
            comments.moderate(elsewhere.id(), CommentService.Action.APPROVE, "", editor);
            assertThatThrownBy(() -> post("d@example.org", "Reply", elsewhere.id())).isInstanceOf(InvalidInput.class);
        }

        @Test
        void a_readers_own_waiting_comment_is_in_their_thread_only() {
            Comment approved = approved("a@example.org", "Seen by all", null);
            Comment waiting = post("b@example.org", "Mine, waiting", null);
            assertThat(comments.thread(article.id(), Set.of(), 1).comments()).extracting(n -> n.comment().id())
                    .containsExactly(approved.id());
            assertThat(comments.thread(article.id(), Set.of(waiting.id()), 1).comments()).extracting(n -> n.comment().id())
                    .containsExactly(approved.id(), waiting.id());
        }

        @Test
        void a_thread_to_show_carries_what_the_page_shows_and_not_the_source_address_or_browser() {
            Comment reply = approved("b@example.org", "An answer", approved("a@example.org", "First", null).id());
            Comment shown = comments.thread(article.id(), Set.of(), 1).comments().get(0).replies().get(0).comment();
            assertThat(shown).extracting(Comment::id, Comment::parentId, Comment::depth, Comment::status,
                            Comment::authorName, Comment::authorEmail, Comment::authorWebsite, Comment::bodyHtml,
                            Comment::createdAt)
                    .containsExactly(reply.id(), reply.parentId(), reply.depth(), CommentStatus.APPROVED,
                            reply.authorName(), reply.authorEmail(), reply.authorWebsite(), reply.bodyHtml(),
                            reply.createdAt());
            assertThat(shown).extracting(Comment::body, Comment::clientAddress, Comment::userAgent, Comment::spamScore)
                    .containsOnlyNulls();
        }
    }

    @Nested
    class Moderation {
        @Test
        void every_decision_is_recorded_with_who_and_why() {
            Comment c = post("a@example.org", "Hello", null);
            comments.moderate(c.id(), CommentService.Action.SPAM, "selling things", editor);
            comments.moderate(c.id(), CommentService.Action.RESTORE, "", editor);
            List<ModerationEntry> log = comments.log(c.id(), editor);
            assertThat(log).extracting(ModerationEntry::action).containsExactly("received as pending", "spam", "restore");
            assertThat(log.get(0).by()).isNull();
            assertThat(log.get(1).by()).isEqualTo("Ed Itor");
            assertThat(log.get(1).reason()).isEqualTo("selling things");
        }

        @Test
        void only_editors_and_administrators_moderate() {
            Comment c = post("a@example.org", "Hello", null);
            assertThatThrownBy(() -> comments.moderate(c.id(), CommentService.Action.APPROVE, "", author))
                    .isInstanceOf(NotAllowed.class);
        }

        @Test
        void a_staff_reply_is_shown_at_once_and_marked() {
            Comment c = approved("a@example.org", "Question?", null);
            Comment reply = comments.replyAsStaff(c.id(), "Answer from the newsroom.", editor);
            assertThat(reply.status()).isEqualTo(CommentStatus.APPROVED);
            assertThat(reply.byStaff()).isTrue();
            assertThat(reply.parentId()).isEqualTo(c.id());
            assertThat(reply.authorName()).isEqualTo("Ed Itor");
        }

        @Test
        void bulk_actions_apply_to_every_chosen_comment() {
            Comment a = post("a@example.org", "One", null);
            Comment b = post("b@example.org", "Two", null);
            assertThat(comments.moderateAll(List.of(a.id(), b.id(), 9999L), CommentService.Action.TRASH, editor)).isEqualTo(2);
            assertThat(comments.counts().get(CommentStatus.TRASH)).isEqualTo(2);
        }

        @Test
        void an_edit_keeps_the_text_safe() {
            Comment c = post("a@example.org", "Hello", null);
            Comment edited = comments.edit(c.id(), "Fixed <script>x</script>", editor);
            assertThat(edited.bodyHtml()).doesNotContain("<script").contains("&lt;script&gt;");
        }
    }

    @Nested
    class Personal_data {
        private Account admin;

        @BeforeEach
        void anAdministrator() {
            admin = site.wiring().accounts().open(new NewAccount("admin@example.org", "Ada Min", Role.ADMINISTRATOR, null));
        }

        @Test
        void an_export_holds_everything_kept_about_an_address() {
            post("ana@example.org", "Mine", null);
            List<Map<String, Object>> data = comments.export("ANA@example.org", admin);
            assertThat(data).hasSize(1);
            assertThat(data.get(0)).containsEntry("email", "ana@example.org").containsEntry("text", "Mine")
                    .containsEntry("network_address", "198.51.100.7");
            assertThatThrownBy(() -> comments.export("ana@example.org", editor)).isInstanceOf(NotAllowed.class);
        }

        @Test
        void erasing_makes_the_comments_anonymous_and_can_remove_their_text() {
            Comment kept = post("ana@example.org", "Keep my words", null);
            assertThat(comments.erase("ana@example.org", false, admin)).isEqualTo(1);
            Comment after = comments.byId(kept.id()).orElseThrow();
            assertThat(after.authorName()).isEqualTo("Anonymous");
            assertThat(after.authorEmail()).isEmpty();
            assertThat(after.clientAddress()).isNull();
            assertThat(after.body()).isEqualTo("Keep my words");

            Comment gone = post("bea@example.org", "Remove my words", null);
            comments.erase("bea@example.org", true, admin);
            assertThat(comments.byId(gone.id()).orElseThrow().body()).isEmpty();
            assertThat(comments.export("bea@example.org", admin)).isEmpty();
        }

        @Test
        void network_addresses_are_forgotten_after_the_retention_period() {
            Comment c = post("ana@example.org", "Hello", null);
            assertThat(comments.forgetOldAddresses()).isZero();
            site.clock().advance(Duration.ofDays(31));
            assertThat(comments.forgetOldAddresses()).isEqualTo(1);
            assertThat(comments.byId(c.id()).orElseThrow().clientAddress()).isNull();
            assertThat(comments.byId(c.id()).orElseThrow().userAgent()).isNull();
        }

        @Test
        void an_archive_of_more_addresses_than_one_transaction_forgets_them_all() {
            Comment c = post("ana@example.org", "Hello", null);
            int copies = CommentService.FORGET_PER_TRANSACTION + 100;
            site.wiring().database().jdbi().useHandle(h -> h.createUpdate("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                            + "WHERE i < :copies) INSERT INTO comments (article_id, depth, status, author_name, "
                            + "author_email, body, body_html, created_at, status_changed_at, client_address, user_agent) "
                            + "SELECT c.article_id, c.depth, c.status, c.author_name, c.author_email, c.body, c.body_html, "
                            + "c.created_at, c.status_changed_at, c.client_address, c.user_agent FROM n CROSS JOIN comments c "
                            + "WHERE c.id = :id")
                    .bind("copies", copies).bind("id", c.id()).execute());
            site.clock().advance(Duration.ofDays(31));
            Comment recent = post("bea@example.org", "Still within the period", null);

            assertThat(comments.forgetOldAddresses()).isEqualTo(copies + 1);
            assertThat(comments.byId(c.id()).orElseThrow().clientAddress()).isNull();
            assertThat(comments.byId(recent.id()).orElseThrow().clientAddress()).isEqualTo("198.51.100.7");
            assertThat(comments.forgetOldAddresses()).isZero();
        }
    }
}
