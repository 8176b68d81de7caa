package dateline.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.articles.ArticleDraft;
import dateline.articles.ArticleListener;
import dateline.articles.ArticleEvent;
import dateline.articles.ArticleService;
import dateline.articles.ArticleStatus;
import dateline.articles.Byline;
import dateline.articles.Edit;
import dateline.articles.FullArticle;
import dateline.articles.Section;
import dateline.comments.Comment;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.comments.NewComment;
import dateline.testing.TestSite;
import dateline.web.InvalidInput;
import dateline.web.PageRequest;
import dateline.webhooks.Receiver.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end over a real SQLite file: changes to articles and comments are written to the outbox
 * with the change, and posted, signed, to a receiver on a loopback port, with retries on a clock the test
 * moves.
 */
class WebhookDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<WebhookEvent> ALL = EnumSet.of(WebhookEvent.ARTICLE_PUBLISHED,
            WebhookEvent.ARTICLE_UPDATED, WebhookEvent.COMMENT_APPROVED);

    private TestSite site;
    private Receiver receiver;
    private WebhookService webhooks;
    private WebhookDelivery delivery;
    private ArticleService articles;
    private Account admin;
    private Account editor;

    @BeforeEach
    void openSite() {
        site = TestSite.services();
        receiver = new Receiver();
        webhooks = site.wiring().webhooks();
        articles = site.wiring().articles();
        delivery = new WebhookDelivery(site.wiring().database().jdbi(), site.clock(), "node-a");
        admin = site.wiring().accounts().open(new NewAccount("ada@example.org", "Ada Admin", Role.ADMINISTRATOR, null));
        editor = site.wiring().accounts().open(new NewAccount("edith@example.org", "Edith Editor", Role.EDITOR, null));
    }

    @AfterEach
    void closeSite() {
        delivery.close();
        receiver.close();
        site.close();
    }

    private Webhook hook(Set<WebhookEvent> events) {
        return webhooks.add(receiver.url(), events, admin);
    }

    private FullArticle published(String headline) {
        Article draft = site.articles().anArticle().headline(headline).by(editor).written();
        articles.publish(draft.id(), null, editor);
        return articles.full(draft.id()).orElseThrow();
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    /** The signature computed here, from the documented rule, not by the code under test. */
    private static String expectedSignature(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private List<Delivery> log(Webhook hook) {
        return webhooks.deliveries(hook.id(), PageRequest.first(100)).items();
    }

    @Nested
    class Articles {
        @Test
        void publishing_an_article_delivers_a_signed_article_published_whose_signature_verifies_with_the_secret()
                throws Exception {
            Webhook hook = hook(ALL);
            Section section = articles.openSection("Harbour", "Ships and ferries");
            Article draft = site.articles().anArticle().headline("Ferry timetable changes").standfirst("Earlier boats.")
                    .in(section.id()).tagged("Ferries").by(editor).written();
            articles.publish(draft.id(), null, editor);

            assertThat(receiver.received()).as("nothing is posted before the deliverer runs").isEmpty();
            assertThat(delivery.deliverDue()).isEqualTo(1);
            assertThat(delivery.deliverDue()).isZero();

            Received request = receiver.received().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(request.header("Dateline-Event")).isEqualTo("article.published");
            String signature = request.header("Dateline-Signature");
            assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
            String t = signature.substring(2, signature.indexOf(','));
            assertThat(Long.parseLong(t)).isEqualTo(site.clock().instant().getEpochSecond());
            assertThat(signature.substring(signature.indexOf("v1=") + 3))
                    .isEqualTo(expectedSignature(hook.secret(), t, request.body()));
            assertThat(signature).doesNotContain(expectedSignature("another secret", t, request.body()));

            JsonNode body = json(request.body());
            assertThat(body.get("id").asText()).isEqualTo(request.header("Dateline-Delivery"));
            assertThat(body.get("event").asText()).isEqualTo("article.published");
            assertThat(Instant.parse(body.get("created_at").asText())).isEqualTo(site.clock().instant());
            JsonNode data = body.get("data");
            FullArticle full = articles.full(draft.id()).orElseThrow();
            assertThat(data.get("id").asLong()).isEqualTo(draft.id());
            assertThat(data.get("url").asText()).isEqualTo(site.baseUrl() + full.article().path());
            assertThat(data.get("headline").asText()).isEqualTo("Ferry timetable changes");
            assertThat(data.get("standfirst").asText()).isEqualTo("Earlier boats.");
            assertThat(data.get("type").asText()).isEqualTo("news");
            assertThat(data.get("status").asText()).isEqualTo("published");
            assertThat(data.get("section").get("name").asText()).isEqualTo("Harbour");
            assertThat(data.get("tags").get(0).get("name").asText()).isEqualTo("Ferries");
            Byline byline = full.bylines().get(0);
            assertThat(data.get("authors").get(0).get("name").asText()).isEqualTo("Edith Editor");
            assertThat(data.get("authors").get(0).get("url").asText()).isEqualTo(site.baseUrl() + byline.path());
            assertThat(request.body()).doesNotContain("edith@example.org").doesNotContain("\"email\"");
            assertThat(Instant.parse(data.get("published_at").asText())).isEqualTo(full.article().publishedAt());

            Delivery logged = log(hook).get(0);
            assertThat(logged.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(logged.attempts()).isEqualTo(1);
            assertThat(logged.lastStatus()).isEqualTo(204);
            assertThat(logged.payload()).isEqualTo(request.body());
        }

        @Test
        void a_minor_edit_a_significant_update_a_correction_and_a_retraction_of_a_public_article_are_each_an_update()
                throws Exception {
            FullArticle out = published("Bridge reopens");
            Webhook hook = hook(EnumSet.of(WebhookEvent.ARTICLE_UPDATED));
            long id = out.article().id();
            Article a = articles.save(id, withBody(out, "It reopened on Monday."), out.article().version(), Edit.minor(), editor);
            a = articles.save(id, withBody(out, "It reopened on Monday. Traffic was heavy."), a.version(),
                    new Edit.SignificantUpdate("Adds the traffic."), editor);
            articles.save(id, withBody(out, "It reopened on Tuesday. Traffic was heavy."), a.version(),
                    new Edit.Correction("The day was wrong."), editor);
            articles.retract(id, "The bridge did not reopen.", editor);

            assertThat(delivery.deliverDue()).isEqualTo(4);
            List<JsonNode> bodies = receiver.received().stream().map(r -> {
                try {
                    return json(r.body());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
            assertThat(bodies).extracting(b -> b.get("event").asText()).containsOnly("article.updated");
            assertThat(bodies.get(0).get("data").has("note")).isFalse();
            assertThat(bodies.get(1).get("data").get("note").get("kind").asText()).isEqualTo("update");
            assertThat(bodies.get(1).get("data").get("note").get("text").asText()).isEqualTo("Adds the traffic.");
            assertThat(bodies.get(1).get("data").get("updated_at").asText()).isNotEqualTo("null");
            assertThat(bodies.get(2).get("data").get("note").get("kind").asText()).isEqualTo("correction");
            assertThat(bodies.get(3).get("data").get("status").asText()).isEqualTo("retracted");
            assertThat(log(hook)).hasSize(4).allMatch(d -> d.status() == DeliveryStatus.DELIVERED);
        }

        @Test
        void drafts_announce_nothing_and_a_webhook_hears_only_the_events_it_chose() {
            Webhook updatesOnly = hook(EnumSet.of(WebhookEvent.ARTICLE_UPDATED));
            Article draft = site.articles().anArticle().by(editor).written();
            articles.submitForReview(draft.id(), editor);
            articles.publish(draft.id(), null, editor);

            assertThat(delivery.deliverDue()).isZero();
            assertThat(log(updatesOnly)).isEmpty();
        }

        @Test
        void a_paused_webhook_gets_nothing_and_hears_again_once_resumed() {
            Webhook hook = hook(ALL);
            webhooks.setActive(hook.id(), false, admin);
            published("Quiet news");
            assertThat(delivery.deliverDue()).isZero();
            assertThat(log(hook)).isEmpty();

            webhooks.setActive(hook.id(), true, admin);
            published("Loud news");
            assertThat(delivery.deliverDue()).isEqualTo(1);
            assertThat(receiver.received()).hasSize(1);
        }

        @Test
        void a_rolled_back_article_change_enqueues_nothing() {
            Webhook hook = hook(ALL);
            Article draft = site.articles().anArticle().by(editor).written();
            articles.addListener(new ArticleListener() {
                @Override
                public void changing(Handle h, ArticleEvent event) {
                    if (event.kind() == ArticleEvent.Kind.PUBLISHED) throw new IllegalStateException("index full");
                }
            });

            assertThatThrownBy(() -> articles.publish(draft.id(), null, editor)).hasMessage("index full");
            assertThat(articles.full(draft.id()).orElseThrow().article().status()).isEqualTo(ArticleStatus.DRAFT);
            assertThat(log(hook)).isEmpty();
            assertThat(delivery.deliverDue()).isZero();
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Nested
    class Comments {
        private Article article;
        private CommentService comments;

        @BeforeEach
        void anArticle() {
            article = published("Harbour festival").article();
            comments = site.wiring().comments();
        }

        private Comment post(String name, String email, String text) {
            String token = comments.formToken(article.id());
            site.clock().advance(Duration.ofSeconds(20));
            return comments.post(new NewComment(article.id(), null, name, email, "https://rosa.example", text,
                    "198.51.100.7", "Firefox", token, ""));
        }

        @Test
        void a_held_comment_announces_nothing_and_its_approval_by_a_moderator_does() throws Exception {
            Webhook hook = hook(EnumSet.of(WebhookEvent.COMMENT_APPROVED));
            Comment held = post("Rosa Reader", "rosa.private@example.net", "Lovely boats this year.");
            assertThat(held.status()).isEqualTo(CommentStatus.PENDING);
            assertThat(delivery.deliverDue()).isZero();

            comments.moderate(held.id(), CommentService.Action.APPROVE, "", editor);
            assertThat(delivery.deliverDue()).isEqualTo(1);

            Received request = receiver.received().get(0);
            assertThat(request.header("Dateline-Event")).isEqualTo("comment.approved");
            JsonNode data = json(request.body()).get("data");
            String articleUrl = site.baseUrl() + articles.full(article.id()).orElseThrow().article().path();
            assertThat(data.get("id").asLong()).isEqualTo(held.id());
            assertThat(data.get("url").asText()).isEqualTo(articleUrl + "#comment-" + held.id());
            assertThat(data.get("article").get("id").asLong()).isEqualTo(article.id());
            assertThat(data.get("article").get("url").asText()).isEqualTo(articleUrl);
            assertThat(data.get("author_name").asText()).isEqualTo("Rosa Reader");
            assertThat(data.get("author_website").asText()).isEqualTo("https://rosa.example");
            assertThat(data.get("body_html").asText()).contains("Lovely boats this year.");
            assertThat(data.get("parent_id").isNull()).isTrue();
            assertThat(log(hook)).hasSize(1);
        }

        @Test
        void an_automatically_approved_comment_and_a_newsroom_reply_are_announced() throws Exception {
            hook(EnumSet.of(WebhookEvent.COMMENT_APPROVED));
            Comment first = post("Rosa Reader", "rosa.private@example.net", "First visit.");
            comments.moderate(first.id(), CommentService.Action.APPROVE, "", editor);
            Comment second = post("Rosa Reader", "rosa.private@example.net", "Back again.");
            assertThat(second.status()).as("a returning commenter is trusted").isEqualTo(CommentStatus.APPROVED);
            Comment reply = comments.replyAsStaff(second.id(), "Thank you, Rosa.", editor);

            assertThat(delivery.deliverDue()).isEqualTo(3);
            List<Long> announced = announcedIds();
            assertThat(announced).containsExactly(first.id(), second.id(), reply.id());
            assertThat(json(receiver.received().get(2).body()).get("data").get("parent_id").asLong()).isEqualTo(second.id());
        }

        @Test
        void an_imported_thread_announces_each_approved_comment_and_nothing_for_the_others() throws Exception {
            hook(EnumSet.of(WebhookEvent.COMMENT_APPROVED));
            Instant then = site.clock().instant().minus(Duration.ofDays(3));
            List<Long> ids = comments.importThread(new CommentService.ImportedThread(article.id(), List.of(
                    new CommentService.Imported(-1, "Ann", "ann@example.net", "", "The first, approved.", then,
                            CommentStatus.APPROVED),
                    new CommentService.Imported(0, "Bob", "bob@example.net", "", "A reply that waits.", then,
                            CommentStatus.PENDING),
                    new CommentService.Imported(0, "Cai", "cai@example.net", "", "A reply, approved.", then,
                            CommentStatus.APPROVED))));

            assertThat(delivery.deliverDue()).isEqualTo(2);
            List<Long> announced = announcedIds();
            assertThat(announced).containsExactly(ids.get(0), ids.get(2));
        }

        /** The ids of the comments the receiver was told of, in the order it heard of them. */
        private List<Long> announcedIds() {
            return receiver.received().stream().map(r -> {
                try {
                    return json(r.body()).get("data").get("id").asLong();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
        }

        @Test
        void no_payload_holds_a_commenters_email_or_network_address_nor_a_members_email() {
            webhooks.add(receiver.url(), ALL, admin);
            Comment c = post("Rosa Reader", "rosa.private@example.net", "Write to me at my address.");
            comments.moderate(c.id(), CommentService.Action.APPROVE, "", editor);
            comments.replyAsStaff(c.id(), "We will not.", editor);
            comments.moderateAll(List.of(c.id()), CommentService.Action.UNAPPROVE, editor);
            comments.moderateAll(List.of(c.id()), CommentService.Action.APPROVE, editor);

            assertThat(delivery.deliverDue()).isEqualTo(3);
            assertThat(receiver.received()).hasSize(3).allSatisfy(r -> assertThat(r.body())
                    .doesNotContain("rosa.private").doesNotContain("@example.net").doesNotContain("198.51.100.7")
                    .doesNotContain("edith@example.org").doesNotContain("Firefox").doesNotContain("email"));
        }
    }

    @Nested
    class Retries {
        @Test
        void a_receiver_answering_500_is_tried_again_after_the_backoff_and_the_success_is_logged() {
            Webhook hook = hook(ALL);
            receiver.answer(500);
            published("Storm warning");

            assertThat(delivery.deliverDue()).isZero();
            Delivery failedOnce = log(hook).get(0);
            assertThat(failedOnce.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(failedOnce.attempts()).isEqualTo(1);
            assertThat(failedOnce.lastStatus()).isEqualTo(500);
            assertThat(failedOnce.lastError()).contains("HTTP 500").contains("receiver says no");
            assertThat(failedOnce.nextAttemptAt()).isEqualTo(site.clock().instant().plus(Duration.ofMinutes(1)));

            receiver.answer(200);
            site.clock().advance(Duration.ofSeconds(59));
            assertThat(delivery.deliverDue()).as("not before the backoff has passed").isZero();
            site.clock().advance(Duration.ofSeconds(1));
            assertThat(delivery.deliverDue()).isEqualTo(1);

            Delivery delivered = log(hook).get(0);
            assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(delivered.attempts()).isEqualTo(2);
            assertThat(delivered.lastStatus()).isEqualTo(200);
            assertThat(delivered.deliveredAt()).isEqualTo(site.clock().instant());
            assertThat(receiver.received()).hasSize(2);
            assertThat(receiver.received().get(1).body()).as("the same body each time")
                    .isEqualTo(receiver.received().get(0).body());
        }

        @Test
        void after_the_last_attempt_the_delivery_is_failed_and_logged_and_can_be_redelivered() {
            Webhook hook = hook(ALL);
            receiver.answer(503);
            published("Storm warning");
            for (Duration backoff : WebhookDelivery.BACKOFF) {
                Instant now = site.clock().instant();
                assertThat(delivery.deliverDue()).isZero();
                assertThat(log(hook).get(0).nextAttemptAt()).isEqualTo(now.plus(backoff));
                site.clock().advance(backoff);
            }
            assertThat(delivery.deliverDue()).isZero();

            Delivery failed = log(hook).get(0);
            assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(failed.attempts()).isEqualTo(6);
            assertThat(failed.lastStatus()).isEqualTo(503);
            assertThat(failed.failedAt()).isEqualTo(site.clock().instant());
            assertThat(receiver.received()).hasSize(6);
            site.clock().advance(Duration.ofDays(1));
            assertThat(delivery.deliverDue()).isZero();
            assertThat(receiver.received()).hasSize(6);

            receiver.answer(200);
            webhooks.redeliver(failed.id(), admin);
            assertThat(delivery.deliverDue()).isEqualTo(1);
            assertThat(log(hook).get(0).status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThatThrownBy(() -> webhooks.redeliver(failed.id(), admin)).isInstanceOf(InvalidInput.class);
        }

        @Test
        void a_redirect_is_not_followed_and_counts_as_a_failed_attempt() {
            Webhook hook = hook(ALL);
            receiver.answer(302);
            webhooks.ping(hook.id(), admin);

            assertThat(delivery.deliverDue()).isZero();
            assertThat(receiver.received()).hasSize(1);
            Delivery logged = log(hook).get(0);
            assertThat(logged.lastStatus()).isEqualTo(302);
            assertThat(logged.lastError()).contains("redirects are not followed");
        }

        @Test
        void a_receiver_that_is_not_there_is_logged_with_the_error_and_tried_again() {
            Webhook hook = hook(ALL);
            receiver.close();
            webhooks.ping(hook.id(), admin);

            assertThat(delivery.deliverDue()).isZero();
            Delivery logged = log(hook).get(0);
            assertThat(logged.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(logged.lastStatus()).isNull();
            assertThat(logged.lastError()).contains("onnect").doesNotContain(hook.secret());
        }

        @Test
        void two_deliverers_racing_over_many_deliveries_post_each_exactly_once() throws Exception {
            Webhook hook = hook(ALL);
            int count = 30;
            for (int i = 0; i < count; i++) webhooks.ping(hook.id(), admin);
            WebhookDelivery otherNode = new WebhookDelivery(site.wiring().database().jdbi(), site.clock(), "node-b");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> a = threads.submit(() -> {
                    go.await();
                    return delivery.deliverDue();
                });
                Future<Integer> b = threads.submit(() -> {
                    go.await();
                    return otherNode.deliverDue();
                });
                go.countDown();
                assertThat(a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS)).isEqualTo(count);
            } finally {
                threads.shutdownNow();
                otherNode.close();
            }
            assertThat(receiver.received()).extracting(r -> r.header("Dateline-Delivery")).hasSize(count)
                    .doesNotHaveDuplicates();
            assertThat(log(hook)).hasSize(count).allMatch(d -> d.status() == DeliveryStatus.DELIVERED && d.attempts() == 1);
        }
    }

    @Nested
    class Keeping_webhooks {
        @Test
        void only_http_and_https_addresses_are_taken_each_refusal_with_a_message_at_the_field() {
            for (String url : List.of("", "ftp://example.org/hooks", "javascript:alert(1)", "file:///etc/passwd",
                    "https://", "not a url at all", "https://user:pass@example.org/hooks")) {
                assertThatThrownBy(() -> webhooks.add(url, ALL, admin)).as(url).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems()).containsKey("url"));
            }
            assertThatThrownBy(() -> webhooks.add("https://example.org/hooks", Set.of(), admin))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsKey("events"));
            assertThat(webhooks.add("https://example.org/hooks?key=1", ALL, admin).url()).isEqualTo("https://example.org/hooks?key=1");
        }

        @Test
        void each_webhook_has_a_secret_of_its_own_and_only_administrators_keep_them() {
            Webhook one = hook(ALL);
            Webhook two = hook(ALL);
            assertThat(one.secret()).startsWith("whsec_").hasSizeGreaterThan(40).isNotEqualTo(two.secret());
            assertThatThrownBy(() -> webhooks.add(receiver.url(), ALL, editor))
                    .isInstanceOf(dateline.web.NotAllowed.class);
            assertThatThrownBy(() -> webhooks.ping(one.id(), editor)).isInstanceOf(dateline.web.NotAllowed.class);
        }

        @Test
        void a_ping_is_sent_even_to_a_paused_webhook_and_deleting_a_webhook_takes_its_log_with_it() throws Exception {
            Webhook hook = hook(ALL);
            webhooks.setActive(hook.id(), false, admin);
            Delivery ping = webhooks.ping(hook.id(), admin);
            assertThat(delivery.deliverDue()).isEqualTo(1);
            assertThat(json(receiver.received().get(0).body()).get("event").asText()).isEqualTo("ping");
            assertThat(receiver.received().get(0).header("Dateline-Event")).isEqualTo("ping");

            webhooks.delete(hook.id(), admin);
            assertThat(webhooks.byId(hook.id())).isEmpty();
            assertThat(webhooks.delivery(ping.id())).isEmpty();
        }
    }

    private static ArticleDraft withBody(FullArticle full, String body) {
        Article a = full.article();
        return new ArticleDraft(a.headline(), a.slug(), a.standfirst(), body, a.bodyFormat(), a.type(), a.sectionId(),
                full.tags().stream().map(t -> t.name()).toList(), full.bylines().stream().map(Byline::accountId).toList(),
                a.datelinePlace(), true, null);
    }
}
