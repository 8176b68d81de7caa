package dateline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dateline.accounts.Role;
import dateline.api.ApiSite.Answer;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Comments through the API: approved ones for anybody; the queue, decisions and the newsroom's comments with a moderate token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentsApiTest {
    private ApiSite api;

    @BeforeAll
    void open() {
        api = new ApiSite();
    }

    @AfterAll
    void close() {
        api.close();
    }

    private static List<Long> ids(Answer answer) {
        List<Long> ids = new ArrayList<>();
        answer.json().path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    @Test
    void anybody_reads_an_articles_approved_comments_and_nothing_pending() {
        api.site().wiring().comments().importThreads(List.of(new CommentService.ImportedThread(api.third.id(), List.of(
                new CommentService.Imported(-1, "Held Reader", "held@example.net", "", "Held back.",
                        api.site().clock().instant(), CommentStatus.PENDING)))));
        Answer answer = api.get("/api/v1/articles/" + api.third.id() + "/comments");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(ids(answer)).contains(api.approvedComment).containsExactlyElementsOf(
                api.site().wiring().comments().approvedOn(api.third.id()).stream().map(c -> c.id()).toList());
        assertThat(answer.raw().body()).doesNotContain("Held Reader", "Held back.");
        answer.json().path("items").forEach(item -> assertThat(item.path("status").asText()).isEqualTo("approved"));
        JsonNode comment = answer.json().path("items").get(0);
        assertThat(comment.path("author_name").asText()).isEqualTo("Private Reader");
        assertThat(comment.path("author_website").asText()).isEqualTo("https://reader.example.net");
        assertThat(comment.path("body_html").asText()).contains("Good to have the bridge back.");
        assertThat(comment.path("article_id").asLong()).isEqualTo(api.third.id());
        assertThat(api.get("/api/v1/articles/" + api.draft.id() + "/comments").status()).isEqualTo(404);
    }

    @Test
    void the_queue_needs_a_moderate_token_of_a_moderators_account() {
        assertThat(api.get("/api/v1/comments").code()).isEqualTo("missing_token");
        assertThat(api.get("/api/v1/comments", api.editorToken(Scope.WRITE)).code()).isEqualTo("insufficient_scope");
        Answer author = api.get("/api/v1/comments", api.token(Role.AUTHOR));
        assertThat(author.status()).isEqualTo(403);
        assertThat(author.code()).isEqualTo("not_allowed");
        Answer editor = api.get("/api/v1/comments?status=pending", api.editorToken(Scope.MODERATE));
        assertThat(editor.status()).isEqualTo(200);
        assertThat(ids(editor)).contains(api.pendingComment).doesNotContain(api.approvedComment);
        assertThat(editor.json().path("items").get(0).path("status").asText()).isEqualTo("pending");
        assertThat(api.get("/api/v1/comments?status=lost", api.editorToken(Scope.MODERATE)).field()).isEqualTo("status");
    }

    @Test
    void a_moderator_approves_marks_as_spam_and_trashes_with_every_decision_logged() {
        String token = api.token(Role.EDITOR);
        for (String verb : List.of("spam", "trash", "approve")) {
            Answer answer = api.send("POST", "/api/v1/comments/" + api.pendingComment + "/" + verb,
                    verb.equals("trash") ? "{\"reason\": \"off topic\"}" : null, token);
            assertThat(answer.status()).as(verb).isEqualTo(200);
        }
        assertThat(api.site().wiring().comments().byId(api.pendingComment).orElseThrow().status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(api.site().wiring().comments().log(api.pendingComment, api.account(Role.EDITOR)))
                .extracting(e -> e.toString().toLowerCase(Locale.ROOT))
                .anySatisfy(e -> assertThat(e).contains("off topic"))
                .anySatisfy(e -> assertThat(e).contains("through the api"));
        Answer author = api.send("POST", "/api/v1/comments/" + api.approvedComment + "/trash", null, api.token(Role.AUTHOR));
        assertThat(author.code()).isEqualTo("not_allowed");
        assertThat(api.send("POST", "/api/v1/comments/99999/approve", null, token).status()).isEqualTo(404);
    }

    @Test
    void the_newsroom_comments_and_replies_as_the_tokens_account_shown_at_once() {
        String token = api.token(Role.EDITOR);
        Answer comment = api.send("POST", "/api/v1/articles/" + api.third.id() + "/comments",
                "{\"text\": \"The bridge opens at six.\"}", token);
        assertThat(comment.status()).isEqualTo(201);
        assertThat(comment.json().path("by_staff").asBoolean()).isTrue();
        assertThat(comment.json().path("author_name").asText()).isEqualTo("Editor Okafor");
        assertThat(comment.json().path("status").asText()).isEqualTo("approved");
        Answer reply = api.send("POST", "/api/v1/articles/" + api.third.id() + "/comments",
                "{\"text\": \"Thank you.\", \"parent_id\": " + api.approvedComment + "}", token);
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("parent_id").asLong()).isEqualTo(api.approvedComment);
        assertThat(ids(api.get("/api/v1/articles/" + api.third.id() + "/comments")))
                .contains(comment.json().path("id").asLong(), reply.json().path("id").asLong());
        Answer elsewhere = api.send("POST", "/api/v1/articles/" + api.first.id() + "/comments",
                "{\"text\": \"Wrong thread.\", \"parent_id\": " + api.approvedComment + "}", token);
        assertThat(elsewhere.field()).isEqualTo("parent_id");
        Answer empty = api.send("POST", "/api/v1/articles/" + api.third.id() + "/comments", "{\"text\": \"  \"}", token);
        assertThat(empty.field()).isEqualTo("text");
        assertThat(api.send("POST", "/api/v1/articles/" + api.third.id() + "/comments", "{\"text\": \"x\"}",
                api.token(Role.AUTHOR)).code()).isEqualTo("not_allowed");
    }

    @Test
    void no_answer_of_the_api_holds_a_commenters_email_address() {
        String moderator = api.token(Role.ADMINISTRATOR);
        List<Answer> answers = new ArrayList<>();
        for (String path : List.of("/api/v1/articles/" + api.third.id() + "/comments", "/api/v1/articles",
                "/api/v1/articles/" + api.third.id(), "/api/v1/authors", "/api/v1/sections", "/api/v1/tags")) {
            answers.add(api.get(path));
            answers.add(api.get(path, moderator));
        }
        for (String status : List.of("pending", "approved", "spam", "trash")) {
            answers.add(api.get("/api/v1/comments?status=" + status, moderator));
        }
        answers.add(api.send("POST", "/api/v1/comments/" + api.approvedComment + "/approve", null, moderator));
        answers.add(api.send("POST", "/api/v1/articles/" + api.third.id() + "/comments",
                "{\"text\": \"A reply.\", \"parent_id\": " + api.approvedComment + "}", moderator));
        assertThat(answers).hasSizeGreaterThan(15).allSatisfy(answer -> {
            assertThat(answer.status()).isLessThan(300);
            String body = answer.raw().body().toLowerCase(Locale.ROOT);
            assertThat(body).doesNotContain(ApiSite.READER_EMAIL, ApiSite.WAITING_EMAIL, "@example.org", "email",
                    "127.0.0.1");
        });
        assertThat(String.join("", answers.stream().map(a -> a.raw().body()).toList()))
                .as("the answers do hold the comments themselves").contains("Private Reader", "Waiting Reader");
    }
}
