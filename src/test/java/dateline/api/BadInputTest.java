package dateline.api;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Role;
import dateline.api.ApiSite.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bad input to the API is answered with 4xx, a stable code and the field at fault, never with a 500, and
 * changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private ApiSite api;
    private String token;

    @BeforeAll
    void open() {
        api = new ApiSite();
        token = api.token(Role.ADMINISTRATOR);
    }

    @AfterAll
    void close() {
        api.close();
    }

    private Answer create(String json) {
        return api.send("POST", "/api/v1/articles", json, token);
    }

    @Test
    void malformed_json_is_refused_with_malformed_json() {
        for (String json : List.of("{", "{\"headline\": }", "{headline: 'x'}", "not json at all", "{\"headline\": \"x\"} trailing",
                "{\"headline\": \"a\", \"headline\": \"b\"}")) {
            Answer answer = create(json);
            assertThat(answer.status()).as(json).isEqualTo(400);
            assertThat(answer.code()).as(json).isEqualTo("malformed_json");
        }
    }

    @Test
    void an_unknown_field_is_refused_naming_it() {
        Answer answer = create("{\"headline\": \"x\", \"hedline\": \"typo\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("unknown_field");
        assertThat(answer.field()).isEqualTo("hedline");
        Answer nested = api.send("PATCH", "/api/v1/articles/" + api.draft.id(),
                "{\"version\": 1, \"edit\": {\"kind\": \"update\", \"reason\": \"x\"}}", token);
        assertThat(nested.code()).isEqualTo("unknown_field");
        assertThat(nested.field()).isEqualTo("edit.reason");
        Answer forCreating = create("{\"headline\": \"x\", \"version\": 1}");
        assertThat(forCreating.field()).as("a new article has no version yet").isEqualTo("version");
    }

    @Test
    void a_value_of_the_wrong_type_is_refused_naming_its_field_and_is_never_converted() {
        Map<String, String> cases = Map.of(
                "{\"headline\": 5}", "headline",
                "{\"headline\": true}", "headline",
                "{\"headline\": {\"text\": \"x\"}}", "headline",
                "{\"headline\": \"x\", \"tags\": \"Harbour\"}", "tags",
                "{\"headline\": \"x\", \"tags\": [1]}", "tags[0]",
                "{\"headline\": \"x\", \"comments_open\": \"yes\"}", "comments_open",
                "{\"headline\": \"x\", \"comments_open\": 1}", "comments_open");
        cases.forEach((json, field) -> {
            Answer answer = create(json);
            assertThat(answer.status()).as(json).isEqualTo(400);
            assertThat(answer.code()).as(json).isEqualTo("invalid_field");
            assertThat(answer.field()).as(json).isEqualTo(field);
        });
        for (String version : List.of("\"1\"", "1.5", "true", "null")) {
            Answer answer = api.send("PATCH", "/api/v1/articles/" + api.draft.id(), "{\"version\": " + version + "}", token);
            assertThat(answer.status()).as(version).isEqualTo(400);
            assertThat(answer.field()).as(version).isEqualTo("version");
        }
    }

    @Test
    void values_the_site_does_not_know_are_refused_naming_their_field() {
        Map<String, String> cases = Map.of(
                "{\"headline\": \"\"}", "headline",
                "{\"headline\": \"x\", \"type\": \"gossip\"}", "type",
                "{\"headline\": \"x\", \"section\": \"sport\"}", "section",
                "{\"headline\": \"x\", \"authors\": [\"nobody-at-all\"]}", "authors[0]",
                "{\"headline\": \"x\", \"slug\": \"Not A Slug!\"}", "slug",
                "{\"headline\": \"x\", \"tags\": [null]}", "tags[0]");
        cases.forEach((json, field) -> {
            Answer answer = create(json);
            assertThat(answer.status()).as(json).isEqualTo(400);
            assertThat(answer.code()).as(json).isEqualTo("invalid_field");
            assertThat(answer.field()).as(json).isEqualTo(field);
        });
        Answer kind = api.send("PATCH", "/api/v1/articles/" + api.draft.id(), "{\"version\": 1, \"edit\": {\"kind\": \"rewrite\"}}", token);
        assertThat(kind.field()).isEqualTo("edit.kind");
        Answer at = api.send("POST", "/api/v1/articles/" + api.draft.id() + "/publish", "{\"at\": \"tomorrow\"}", token);
        assertThat(at.field()).isEqualTo("at");
    }

    @Test
    void a_body_that_is_missing_or_not_an_object_is_refused_with_invalid_body() {
        for (String json : List.of("", "   ", "[]", "[{\"headline\": \"x\"}]", "\"headline\"", "42", "null")) {
            Answer answer = create(json.isEmpty() ? null : json);
            assertThat(answer.status()).as("«" + json + "»").isEqualTo(400);
            assertThat(answer.code()).as("«" + json + "»").isEqualTo("invalid_body");
        }
    }

    @Test
    void a_body_that_is_not_sent_as_json_is_refused_with_415() {
        var response = api.http().send("POST", "/api/v1/articles", "application/x-www-form-urlencoded", "headline=x",
                "Authorization", "Bearer " + token);
        Answer answer = ApiSite.answer(response);
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.code()).isEqualTo("unsupported_media_type");
    }

    @Test
    void an_address_or_method_the_api_does_not_have_is_answered_in_json() {
        for (String[] request : List.of(new String[] {"GET", "/api/v1/nothing"}, new String[] {"DELETE", "/api/v1/articles/1"},
                new String[] {"PUT", "/api/v1/articles/1"}, new String[] {"GET", "/api/v1/comments/1/approve"})) {
            Answer answer = api.send(request[0], request[1], null, token);
            assertThat(answer.status()).as(String.join(" ", request)).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("not_found");
        }
    }

    @Test
    void nothing_thrown_at_any_route_is_answered_with_a_500() {
        List<String> bodies = List.of("{", "[]", "{\"x\": 1}", "{\"headline\": []}", "{\"text\": 5}", "{\"at\": 5}",
                "{\"reason\": {}}", "{\"version\": 99999999999999999999}", "{\"parent_id\": \"x\"}", "\u0000", "{\"text\": \"\"}");
        for (ApiRoute route : api.site().wiring().apiRouteTable()) {
            String path = route.path().replace("{id}", "1").replace("{slug}", "x");
            for (String body : bodies) {
                Answer answer = api.send(route.method().name(), path, route.method().name().equals("GET") ? null : body, token);
                assertThat(answer.status()).as(route.method() + " " + path + " with " + body).isBetween(200, 499);
            }
        }
    }
}
