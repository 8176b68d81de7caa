package dateline.api;

import static dateline.testing.Pages.first;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.accounts.Role;
import dateline.testing.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** API tokens: made per account with scopes, shown once, kept hashed, revocable, managed on the newsroom's screen. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokensTest {
    private ApiSite api;
    private ApiTokens tokens;

    @BeforeAll
    void open() {
        api = new ApiSite();
        tokens = api.site().wiring().apiTokens();
    }

    @AfterAll
    void close() {
        api.close();
    }

    @Nested
    class The_service {
        @Test
        void a_token_is_recognisable_and_the_database_keeps_only_its_hash() {
            ApiTokens.Created created = tokens.create(api.account(Role.AUTHOR), "Newsletter", Set.of(Scope.READ));
            assertThat(created.secret()).startsWith("dl_").hasSizeGreaterThan(40);
            assertThat(created.token().prefix()).isEqualTo(created.secret().substring(0, 10));
            List<String> stored = api.site().wiring().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT name || ' ' || token_hash || ' ' || prefix || ' ' || scopes FROM api_tokens").mapTo(String.class).list());
            assertThat(stored).noneMatch(row -> row.contains(created.secret()));
            assertThat(stored).anyMatch(row -> row.contains(dateline.accounts.Secrets.hashOf(created.secret())));
        }

        @Test
        void a_token_acts_as_its_account_and_records_when_it_was_last_used() {
            ApiTokens.Created created = tokens.create(api.account(Role.EDITOR), "Dashboard", Set.of(Scope.READ));
            assertThat(created.token().lastUsedAt()).isNull();
            ApiTokens.Bearer bearer = tokens.identify(created.secret()).orElseThrow();
            assertThat(bearer.account()).isEqualTo(api.account(Role.EDITOR));
            assertThat(bearer.has(Scope.READ)).isTrue();
            assertThat(bearer.has(Scope.WRITE)).isFalse();
            assertThat(tokens.of(api.account(Role.EDITOR))).filteredOn(t -> t.id() == created.token().id())
                    .singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isEqualTo(api.site().clock().instant()));
        }

        @Test
        void writing_or_moderating_includes_reading_but_not_each_other() {
            ApiTokens.Bearer writer = tokens.identify(tokens.create(api.account(Role.EDITOR), "w", Set.of(Scope.WRITE)).secret())
                    .orElseThrow();
            assertThat(writer.has(Scope.READ)).isTrue();
            assertThat(writer.has(Scope.MODERATE)).isFalse();
        }

        @Test
        void a_token_needs_a_name_and_a_scope() {
            assertThatThrownBy(() -> tokens.create(api.account(Role.AUTHOR), " ", Set.of(Scope.READ)))
                    .isInstanceOf(dateline.web.InvalidInput.class);
            assertThatThrownBy(() -> tokens.create(api.account(Role.AUTHOR), "x", Set.of()))
                    .isInstanceOf(dateline.web.InvalidInput.class);
        }

        @Test
        void a_member_revokes_their_own_tokens_an_administrator_anybodys_and_nobody_else_sees_them() {
            ApiTokens.Created authors = tokens.create(api.account(Role.AUTHOR), "Mine", Set.of(Scope.READ));
            assertThatThrownBy(() -> tokens.revoke(authors.token().id(), api.account(Role.EDITOR)))
                    .isInstanceOf(ApiTokens.TokenNotFound.class);
            assertThat(tokens.all(api.account(Role.EDITOR))).noneMatch(t -> t.id() == authors.token().id());
            assertThat(tokens.all(api.account(Role.ADMINISTRATOR))).anyMatch(t -> t.id() == authors.token().id());
            api.site().clock().advance(Duration.ofSeconds(1));
            assertThat(tokens.revoke(authors.token().id(), api.account(Role.ADMINISTRATOR)).revoked()).isTrue();
            assertThat(tokens.identify(authors.secret())).isEmpty();
        }
    }

    @Nested
    class The_newsroom_screen {
        private HttpResponse<String> post(Role role, String path, java.util.Map<String, String> form) {
            var session = api.site().wiring().sessions().begin(api.account(role), "test");
            form.put("csrf", session.signedIn().csrfToken());
            return api.http().post(path, form, "Cookie", "dateline_session=" + session.token());
        }

        private String page(Role role) {
            var session = api.site().wiring().sessions().begin(api.account(role), "test");
            return api.http().get("/admin/tokens", "Cookie", "dateline_session=" + session.token()).body();
        }

        @Test
        void makes_a_token_shown_once_that_works_with_the_api() {
            HttpResponse<String> made = post(Role.CONTRIBUTOR, "/admin/tokens",
                    Http.form("name", "Desk script", "scopes", "write"));
            assertThat(made.statusCode()).isEqualTo(201);
            assertThat(made.body()).contains("will not be shown again");
            String token = first(made.body(), "id=\"new-token\">(dl_[A-Za-z0-9_-]+)<");
            assertThat(api.send("POST", "/api/v1/articles", "{\"headline\": \"From the desk script\"}", token).status())
                    .isEqualTo(201);
            String later = page(Role.CONTRIBUTOR);
            assertThat(later).contains("Desk script", token.substring(0, 10)).doesNotContain(token);
        }

        @Test
        void a_form_without_a_name_or_scope_is_answered_with_its_problems() {
            HttpResponse<String> answer = post(Role.AUTHOR, "/admin/tokens", Http.form("name", ""));
            assertThat(answer.statusCode()).isEqualTo(422);
            assertThat(answer.body()).contains("Name the token", "Choose at least one scope");
        }

        @Test
        void revoking_on_the_screen_ends_the_token_and_nobody_else_can_revoke_it() {
            ApiTokens.Created created = tokens.create(api.account(Role.AUTHOR), "To revoke", Set.of(Scope.READ));
            String path = "/admin/tokens/" + created.token().id() + "/revoke";
            assertThat(post(Role.EDITOR, path, Http.form()).statusCode()).isEqualTo(404);
            assertThat(tokens.identify(created.secret())).isPresent();
            HttpResponse<String> revoked = post(Role.AUTHOR, path, Http.form());
            assertThat(revoked.statusCode()).isEqualTo(303);
            assertThat(tokens.identify(created.secret())).isEmpty();
            assertThat(api.get("/api/v1/articles", created.secret()).code()).isEqualTo("invalid_token");
        }

        @Test
        void an_administrator_sees_everybodys_tokens_with_their_owners_a_member_only_their_own() {
            tokens.create(api.account(Role.AUTHOR), "Authors own gadget", Set.of(Scope.READ));
            assertThat(page(Role.ADMINISTRATOR)).contains("Authors own gadget", "Author Okafor");
            assertThat(page(Role.EDITOR)).doesNotContain("Authors own gadget");
        }
    }
}
