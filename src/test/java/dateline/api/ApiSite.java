package dateline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.articles.Section;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A served site to call the API of: a member of each role with a token of every scope, an editor's tokens of
 * one scope each, two sections, three published articles a day apart (the last with a tag and readers'
 * comments, approved and pending, whose authors gave email addresses) and a contributor's draft.
 */
final class ApiSite implements AutoCloseable {
    static final String READER_EMAIL = "private.reader@example.net";
    static final String WAITING_EMAIL = "waiting.reader@example.net";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response with its body read as JSON. */
    record Answer(int status, JsonNode json, HttpResponse<String> raw) {
        String code() {
            return json.path("error").path("code").asText(null);
        }

        String field() {
            return json.path("error").path("field").asText(null);
        }
    }

    private final TestSite site;
    private final Map<Role, Account> staff = new EnumMap<>(Role.class);
    private final Map<Role, String> fullTokens = new EnumMap<>(Role.class);
    private final Map<Scope, String> editorTokens = new EnumMap<>(Scope.class);
    final Section world;
    final Section politics;
    final Article first;
    final Article second;
    final Article third;
    final Article draft;
    final long approvedComment;
    final long pendingComment;

    ApiSite() {
        site = TestSite.serving();
        for (Role role : Role.values()) {
            Account account = site.wiring().accounts().open(
                    new NewAccount(role.code() + "@example.org", role.label() + " Okafor", role, null));
            staff.put(role, account);
            fullTokens.put(role, site.wiring().apiTokens().create(account, "everything", EnumSet.allOf(Scope.class)).secret());
        }
        for (Scope scope : Scope.values()) {
            editorTokens.put(scope, site.wiring().apiTokens().create(account(Role.EDITOR), scope.code() + " only",
                    Set.of(scope)).secret());
        }
        world = site.wiring().articles().openSection("World", "Beyond our borders.");
        politics = site.wiring().articles().openSection("Politics", "");
        Account author = account(Role.AUTHOR);
        first = site.articles().anArticle().headline("Ferry service resumes on the northern route").in(world.id())
                .by(author).publishedAt(TestSite.START.minus(Duration.ofDays(2))).article();
        second = site.articles().anArticle().headline("Parliament debates the budget").in(politics.id())
                .by(account(Role.EDITOR)).publishedAt(TestSite.START.minus(Duration.ofDays(1))).article();
        third = site.articles().anArticle().headline("Harbour bridge reopens").in(world.id()).tagged("Harbour")
                .by(author).publishedAt(TestSite.START).article();
        draft = site.articles().anArticle().headline("A contributor's unfinished draft").by(account(Role.CONTRIBUTOR))
                .written();
        site.wiring().comments().importThreads(List.of(new CommentService.ImportedThread(third.id(), List.of(
                new CommentService.Imported(-1, "Private Reader", READER_EMAIL, "https://reader.example.net",
                        "Good to have the bridge back.", TestSite.START.plusSeconds(60), CommentStatus.APPROVED),
                new CommentService.Imported(-1, "Waiting Reader", WAITING_EMAIL, "",
                        "Still waiting for a moderator.", TestSite.START.plusSeconds(120), CommentStatus.PENDING)))));
        List<dateline.comments.Comment> onThird = site.wiring().comments().queue(CommentStatus.APPROVED, null, null, 10,
                account(Role.ADMINISTRATOR)).items();
        approvedComment = onThird.get(0).id();
        pendingComment = site.wiring().comments().queue(CommentStatus.PENDING, null, null, 10,
                account(Role.ADMINISTRATOR)).items().get(0).id();
        site.clock().advance(Duration.ofMinutes(5));
    }

    TestSite site() {
        return site;
    }

    Http http() {
        return site.http();
    }

    Account account(Role role) {
        return staff.get(role);
    }

    /** A token with every scope, of the member of this role. */
    String token(Role role) {
        return fullTokens.get(role);
    }

    /** An editor's token with this scope alone. */
    String editorToken(Scope scope) {
        return editorTokens.get(scope);
    }

    Answer get(String path) {
        return answer(http().get(path));
    }

    Answer get(String path, String token) {
        return answer(http().get(path, "Authorization", "Bearer " + token));
    }

    /** Sends JSON (none when null) with the token (none when null). */
    Answer send(String method, String path, String json, String token) {
        HttpResponse<String> response = token == null
                ? http().send(method, path, json == null ? null : "application/json", json)
                : http().send(method, path, json == null ? null : "application/json", json,
                        "Authorization", "Bearer " + token);
        return answer(response);
    }

    static Answer answer(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("content-type").orElse(""))
                .as("content type of %s", response.uri()).startsWith("application/json");
        try {
            return new Answer(response.statusCode(), JSON.readTree(response.body()), response);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        site.close();
    }
}
