package dateline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dateline.accounts.Role;
import dateline.api.ApiSite.Answer;
import dateline.articles.ArticleStatus;
import dateline.testing.TestSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The articles of the API, endpoint by endpoint: reading for anybody, writing with a token, the access rules. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticlesApiTest {
    /** A site that only reads happen on, so that lists hold exactly what it began with. */
    private ApiSite api;
    /** A site that writes happen on. */
    private ApiSite written;

    @BeforeAll
    void open() {
        api = new ApiSite();
        written = new ApiSite();
    }

    @AfterAll
    void close() {
        api.close();
        written.close();
    }

    private static List<Long> ids(Answer answer) {
        List<Long> ids = new ArrayList<>();
        answer.json().path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    @Nested
    class Listing {
        @Test
        void lists_published_articles_newest_first_without_drafts() {
            Answer answer = api.get("/api/v1/articles");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(ids(answer)).containsExactly(api.third.id(), api.second.id(), api.first.id());
            JsonNode item = answer.json().path("items").get(0);
            assertThat(item.path("url").asText()).isEqualTo(api.site().baseUrl() + api.third.path());
            assertThat(item.path("section").path("slug").asText()).isEqualTo("world");
            assertThat(item.path("authors").get(0).path("slug").asText()).isEqualTo("author-okafor");
            assertThat(item.path("published_at").asText()).isEqualTo(TestSite.START.toString());
            assertThat(answer.json().path("next").isNull()).isTrue();
        }

        @Test
        void pages_through_an_opaque_cursor_until_next_is_null() {
            Answer page1 = api.get("/api/v1/articles?limit=2");
            assertThat(ids(page1)).containsExactly(api.third.id(), api.second.id());
            String next = page1.json().path("next").asText();
            Answer page2 = api.get("/api/v1/articles?limit=2&cursor=" + next);
            assertThat(ids(page2)).containsExactly(api.first.id());
            assertThat(page2.json().path("next").isNull()).isTrue();
        }

        @Test
        void filters_by_section_tag_author_and_dates_together() {
            assertThat(ids(api.get("/api/v1/articles?section=world"))).containsExactly(api.third.id(), api.first.id());
            assertThat(ids(api.get("/api/v1/articles?tag=harbour"))).containsExactly(api.third.id());
            assertThat(ids(api.get("/api/v1/articles?author=editor-okafor"))).containsExactly(api.second.id());
            assertThat(ids(api.get("/api/v1/articles?section=world&author=author-okafor&since="
                    + TestSite.START.minus(Duration.ofHours(1))))).containsExactly(api.third.id());
            assertThat(ids(api.get("/api/v1/articles?until=" + TestSite.START))).containsExactly(api.second.id(), api.first.id());
            assertThat(ids(api.get("/api/v1/articles?since=2024-06-19&until=2024-06-19"))).containsExactly(api.second.id());
        }

        @Test
        void refuses_unknown_filters_and_bad_paging_naming_the_parameter() {
            for (String query : List.of("section=nowhere", "tag=nothing", "author=nobody", "since=yesterday",
                    "until=2024-13-45", "cursor=not-a-cursor", "limit=0", "limit=1000", "limit=many")) {
                Answer answer = api.get("/api/v1/articles?" + query);
                assertThat(answer.status()).as(query).isEqualTo(400);
                assertThat(answer.code()).as(query).isEqualTo("invalid_field");
                assertThat(answer.field()).as(query).isEqualTo(query.substring(0, query.indexOf('=')));
            }
        }
    }

    @Nested
    class Reading_one {
        @Test
        void reads_a_published_article_by_id_and_by_slug_without_its_markdown() {
            Answer byId = api.get("/api/v1/articles/" + api.third.id());
            assertThat(byId.status()).isEqualTo(200);
            assertThat(byId.json().path("headline").asText()).isEqualTo("Harbour bridge reopens");
            assertThat(byId.json().path("body_html").asText()).contains("<p>The bridge reopened on Monday.</p>");
            assertThat(byId.json().path("body_markdown").isNull()).isTrue();
            assertThat(byId.json().path("tags").get(0).path("slug").asText()).isEqualTo("harbour");
            assertThat(byId.json().path("status").asText()).isEqualTo("published");
            Answer bySlug = api.get("/api/v1/articles/by-slug/" + api.third.slug());
            assertThat(bySlug.json()).isEqualTo(byId.json());
        }

        @Test
        void a_draft_is_not_found_anonymously_nor_with_a_token_whose_account_may_not_open_it() {
            assertThat(api.get("/api/v1/articles/" + api.draft.id()).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/articles/" + api.draft.id(), api.token(Role.AUTHOR)).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/articles/by-slug/" + api.draft.slug()).status()).isEqualTo(404);
        }

        @Test
        void a_draft_is_read_with_its_markdown_by_its_author_and_by_an_editor_with_a_read_token() {
            Answer own = api.get("/api/v1/articles/" + api.draft.id(), api.token(Role.CONTRIBUTOR));
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.json().path("status").asText()).isEqualTo("draft");
            assertThat(own.json().path("url").isNull()).isTrue();
            assertThat(own.json().path("body_markdown").asText()).contains("The bridge reopened on Monday.");
            assertThat(api.get("/api/v1/articles/" + api.draft.id(), api.editorToken(Scope.READ)).status()).isEqualTo(200);
        }

        @Test
        void an_id_that_is_not_a_number_or_names_nothing_is_not_found() {
            for (String id : List.of("99999", "abc", "1.5", "-")) {
                Answer answer = api.get("/api/v1/articles/" + id);
                assertThat(answer.status()).as(id).isEqualTo(404);
                assertThat(answer.code()).as(id).isEqualTo("not_found");
            }
        }
    }

    @Nested
    class Pinned {
        @Test
        void an_article_and_its_list_item_say_whether_it_is_pinned_to_the_front_page() {
            long id = written.third.id();
            assertThat(written.get("/api/v1/articles/" + id).json().path("pinned").asBoolean(true)).isFalse();
            written.site().wiring().articles().pin(id, written.account(Role.EDITOR));
            assertThat(written.get("/api/v1/articles/" + id).json().path("pinned").asBoolean()).isTrue();
            JsonNode items = written.get("/api/v1/articles").json().path("items");
            for (JsonNode item : items) {
                assertThat(item.path("pinned").isBoolean()).isTrue();
                assertThat(item.path("pinned").asBoolean()).isEqualTo(item.path("id").asLong() == id);
            }
            written.site().wiring().articles().unpin(id, written.account(Role.EDITOR));
            assertThat(written.get("/api/v1/articles/" + id).json().path("pinned").asBoolean(true)).isFalse();
        }
    }

    @Nested
    class Writing {
        @Test
        void creates_a_draft_as_the_tokens_account_with_its_location() {
            Answer answer = written.send("POST", "/api/v1/articles", """
                    {"headline": "Night buses return", "standfirst": "After a year.", "body_markdown": "Buses *run*.",
                     "section": "world", "tags": ["Transport"], "type": "analysis"}""", written.token(Role.AUTHOR));
            assertThat(answer.status()).isEqualTo(201);
            long id = answer.json().path("id").asLong();
            assertThat(answer.raw().headers().firstValue("location")).hasValue("/api/v1/articles/" + id);
            assertThat(answer.json().path("status").asText()).isEqualTo("draft");
            assertThat(answer.json().path("authors").get(0).path("slug").asText()).isEqualTo("author-okafor");
            assertThat(answer.json().path("body_html").asText()).contains("<em>run</em>");
            assertThat(answer.json().path("type").asText()).isEqualTo("analysis");
            assertThat(written.site().wiring().articles().full(id).orElseThrow().article().status()).isEqualTo(ArticleStatus.DRAFT);
        }

        @Test
        void a_script_in_the_markdown_is_stored_sanitized() {
            Answer answer = written.send("POST", "/api/v1/articles", """
                    {"headline": "Sanitized", "body_markdown": "Hi <script>alert(1)</script><img src=x onerror=alert(2)>"}""",
                    written.token(Role.EDITOR));
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.json().path("body_html").asText()).doesNotContain("<script", "onerror");
        }

        @Test
        void changes_an_article_with_its_version_and_refuses_a_stale_version_with_409() {
            long id = written.send("POST", "/api/v1/articles", "{\"headline\": \"First headline\", \"body_markdown\": \"Text.\"}",
                    written.token(Role.EDITOR)).json().path("id").asLong();
            Answer changed = written.send("PATCH", "/api/v1/articles/" + id, "{\"version\": 1, \"headline\": \"Second headline\"}",
                    written.token(Role.EDITOR));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.json().path("headline").asText()).isEqualTo("Second headline");
            assertThat(changed.json().path("body_markdown").asText()).isEqualTo("Text.");
            assertThat(changed.json().path("version").asInt()).isEqualTo(2);
            Answer stale = written.send("PATCH", "/api/v1/articles/" + id, "{\"version\": 1, \"headline\": \"Lost update\"}",
                    written.token(Role.EDITOR));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.code()).isEqualTo("conflict");
            assertThat(written.get("/api/v1/articles/" + id, written.token(Role.EDITOR)).json().path("headline").asText())
                    .isEqualTo("Second headline");
        }

        @Test
        void a_change_without_a_version_is_refused_naming_the_field() {
            Answer answer = written.send("PATCH", "/api/v1/articles/" + written.draft.id(), "{\"headline\": \"No version\"}",
                    written.token(Role.EDITOR));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.field()).isEqualTo("version");
        }

        @Test
        void publishes_now_and_schedules_for_later() {
            long now = written.send("POST", "/api/v1/articles", "{\"headline\": \"Out now\", \"body_markdown\": \"Text.\"}",
                    written.token(Role.AUTHOR)).json().path("id").asLong();
            Answer published = written.send("POST", "/api/v1/articles/" + now + "/publish", null, written.token(Role.AUTHOR));
            assertThat(published.status()).isEqualTo(200);
            assertThat(published.json().path("status").asText()).isEqualTo("published");
            assertThat(published.json().path("url").asText()).startsWith(written.site().baseUrl() + "/2024/06/20/out-now");
            assertThat(written.http().get(published.json().path("url").asText().substring(written.site().baseUrl().length()))
                    .statusCode()).isEqualTo(200);

            long later = written.send("POST", "/api/v1/articles", "{\"headline\": \"Out later\", \"body_markdown\": \"Text.\"}",
                    written.token(Role.AUTHOR)).json().path("id").asLong();
            Answer scheduled = written.send("POST", "/api/v1/articles/" + later + "/publish",
                    "{\"at\": \"" + TestSite.START.plus(Duration.ofDays(1)) + "\"}", written.token(Role.AUTHOR));
            assertThat(scheduled.json().path("status").asText()).isEqualTo("scheduled");
            assertThat(written.get("/api/v1/articles/" + later).status()).isEqualTo(404);
        }

        @Test
        void a_significant_update_through_the_api_adds_its_public_note() {
            long id = written.send("POST", "/api/v1/articles", "{\"headline\": \"Storm warning\", \"body_markdown\": \"Wind.\"}",
                    written.token(Role.EDITOR)).json().path("id").asLong();
            int version = written.send("POST", "/api/v1/articles/" + id + "/publish", null, written.token(Role.EDITOR))
                    .json().path("version").asInt();
            written.site().clock().advance(Duration.ofHours(1));
            Answer updated = written.send("PATCH", "/api/v1/articles/" + id, """
                    {"version": %d, "body_markdown": "Wind and rain.", "edit": {"kind": "update", "note": "Rain added."}}""".formatted(version),
                    written.token(Role.EDITOR));
            assertThat(updated.status()).as(updated.json().toString()).isEqualTo(200);
            assertThat(updated.json().path("updates").get(0).path("note").asText()).isEqualTo("Rain added.");
            assertThat(updated.json().path("updated_at").asText()).isNotEqualTo(updated.json().path("published_at").asText());
            Answer noNote = written.send("PATCH", "/api/v1/articles/" + id, """
                    {"version": %d, "edit": {"kind": "correction"}}""".formatted(updated.json().path("version").asInt()),
                    written.token(Role.EDITOR));
            assertThat(noNote.status()).isEqualTo(400);
            assertThat(noNote.field()).isEqualTo("edit.note");
        }
    }

    @Nested
    class Access {
        @Test
        void writing_without_a_token_is_refused_with_401_and_changes_nothing() {
            long before = written.site().wiring().articles().counts(written.account(Role.ADMINISTRATOR)).values().stream()
                    .mapToLong(Long::longValue).sum();
            Answer answer = written.send("POST", "/api/v1/articles", "{\"headline\": \"Anonymous\"}", null);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.code()).isEqualTo("missing_token");
            assertThat(answer.raw().headers().firstValue("www-authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(written.site().wiring().articles().counts(written.account(Role.ADMINISTRATOR)).values().stream()
                    .mapToLong(Long::longValue).sum()).isEqualTo(before);
        }

        @Test
        void the_newsroom_session_cookie_is_never_taken_for_a_token() {
            var session = written.site().wiring().sessions().begin(written.account(Role.ADMINISTRATOR), "test");
            var response = written.http().send("POST", "/api/v1/articles", "application/json", "{\"headline\": \"By cookie\"}",
                    "Cookie", "dateline_session=" + session.token(), "X-CSRF-Token", session.signedIn().csrfToken(),
                    "Origin", written.site().baseUrl());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(ApiSite.answer(response).code()).isEqualTo("missing_token");
        }

        @Test
        void a_token_request_from_another_origin_is_not_a_forgery_the_token_is_the_authority() {
            var response = written.http().send("POST", "/api/v1/articles", "application/json",
                    "{\"headline\": \"From a program\"}", "Authorization", "Bearer " + written.token(Role.EDITOR),
                    "Origin", "https://elsewhere.example", "Sec-Fetch-Site", "cross-site");
            assertThat(response.statusCode()).isEqualTo(201);
        }

        @Test
        void an_invalid_or_revoked_token_is_refused_with_401_even_where_none_is_needed() {
            assertThat(written.get("/api/v1/articles", "dl_not-a-real-token").code()).isEqualTo("invalid_token");
            var other = written.http().get("/api/v1/articles", "Authorization", "Basic dXNlcjpwYXNz");
            assertThat(ApiSite.answer(other).status()).isEqualTo(401);
            var created = written.site().wiring().apiTokens().create(written.account(Role.EDITOR), "short-lived", java.util.Set.of(Scope.WRITE));
            assertThat(written.send("POST", "/api/v1/articles", "{\"headline\": \"Before revoking\"}", created.secret()).status())
                    .isEqualTo(201);
            written.site().wiring().apiTokens().revoke(created.token().id(), written.account(Role.EDITOR));
            Answer after = written.send("POST", "/api/v1/articles", "{\"headline\": \"After revoking\"}", created.secret());
            assertThat(after.status()).isEqualTo(401);
            assertThat(after.code()).isEqualTo("invalid_token");
        }

        @Test
        void a_token_without_the_write_scope_is_refused_with_403() {
            for (Scope scope : List.of(Scope.READ, Scope.MODERATE)) {
                Answer answer = written.send("POST", "/api/v1/articles", "{\"headline\": \"Read only\"}", written.editorToken(scope));
                assertThat(answer.status()).as(scope.code()).isEqualTo(403);
                assertThat(answer.code()).as(scope.code()).isEqualTo("insufficient_scope");
            }
            assertThat(written.send("POST", "/api/v1/articles", "{\"headline\": \"Written\"}", written.editorToken(Scope.WRITE))
                    .status()).isEqualTo(201);
        }

        @Test
        void a_contributors_token_cannot_publish_even_its_own_draft() {
            Answer answer = written.send("POST", "/api/v1/articles/" + written.draft.id() + "/publish", null, written.token(Role.CONTRIBUTOR));
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.code()).isEqualTo("not_allowed");
            assertThat(written.site().wiring().articles().full(written.draft.id()).orElseThrow().article().status())
                    .isEqualTo(ArticleStatus.DRAFT);
        }

        @Test
        void an_authors_token_cannot_change_or_publish_somebody_elses_article() {
            Answer change = written.send("PATCH", "/api/v1/articles/" + written.second.id(), "{\"version\": 1, \"headline\": \"Mine now\"}",
                    written.token(Role.AUTHOR));
            assertThat(change.status()).isIn(403, 404);
            Answer publish = written.send("POST", "/api/v1/articles/" + written.draft.id() + "/publish", null, written.token(Role.AUTHOR));
            assertThat(publish.status()).isIn(403, 404);
            assertThat(written.get("/api/v1/articles/" + written.second.id()).json().path("headline").asText())
                    .isEqualTo("Parliament debates the budget");
        }

        @Test
        void a_contributor_cannot_credit_somebody_else_alone() {
            Answer answer = written.send("POST", "/api/v1/articles", "{\"headline\": \"Ghost\", \"authors\": [\"editor-okafor\"]}",
                    written.token(Role.CONTRIBUTOR));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.field()).isEqualTo("authors");
        }
    }
}
