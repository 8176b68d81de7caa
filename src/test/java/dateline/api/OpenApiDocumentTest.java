package dateline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.accounts.Role;
import dateline.api.ApiSite.Answer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OpenAPI document at {@code /api/v1/openapi.json} says what the API does: the same routes with the same
 * methods and access, and answers from real calls that have the shape it declares (each required property
 * there, each of the declared type, none undeclared).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {
    private ApiSite api;
    private JsonNode document;

    @BeforeAll
    void open() throws Exception {
        api = new ApiSite();
        var response = api.http().get("/api/v1/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        document = new ObjectMapper().readTree(response.body());
    }

    @AfterAll
    void close() {
        api.close();
    }

    private Set<String> routesInTable() {
        Set<String> routes = new TreeSet<>();
        for (ApiRoute route : api.site().wiring().apiRouteTable()) routes.add(route.method().name() + " " + route.path());
        return routes;
    }

    @Test
    void names_exactly_the_routes_the_api_registers() {
        Set<String> documented = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(routesInTable()).hasSizeGreaterThan(10);
        assertThat(documented).isEqualTo(routesInTable());
    }

    @Test
    void states_the_scope_and_permission_each_route_needs() {
        for (ApiRoute route : api.site().wiring().apiRouteTable()) {
            JsonNode operation = document.path("paths").path(route.path()).path(route.method().name().toLowerCase());
            String name = route.method() + " " + route.path();
            if (route.isPublic()) {
                assertThat(operation.path("security").toString()).as(name).contains("{}");
                assertThat(operation.has("x-scope")).as(name).isFalse();
            } else {
                assertThat(operation.path("x-scope").asText()).as(name).isEqualTo(route.scope().code());
                assertThat(operation.path("x-permission").asText()).as(name).isEqualTo(route.permission().name());
                assertThat(operation.path("responses").has("401")).as(name).isTrue();
                assertThat(operation.path("responses").has("403")).as(name).isTrue();
            }
        }
    }

    @Test
    void real_answers_of_every_route_have_the_declared_shape() {
        String editor = api.token(Role.EDITOR);
        long draft = api.send("POST", "/api/v1/articles", "{\"headline\": \"Shape\", \"body_markdown\": \"Text.\"}", editor)
                .json().path("id").asLong();
        Map<String, Supplier<Answer>> calls = new LinkedHashMap<>();
        calls.put("GET /api/v1/articles", () -> api.get("/api/v1/articles?limit=1"));
        calls.put("GET /api/v1/articles/by-slug/{slug}", () -> api.get("/api/v1/articles/by-slug/" + api.third.slug()));
        calls.put("GET /api/v1/articles/{id}", () -> api.get("/api/v1/articles/" + draft, editor));
        calls.put("POST /api/v1/articles", () -> api.send("POST", "/api/v1/articles", "{\"headline\": \"Another\"}", editor));
        calls.put("PATCH /api/v1/articles/{id}", () -> api.send("PATCH", "/api/v1/articles/" + draft,
                "{\"version\": 1, \"tags\": [\"Shapes\"], \"section\": \"world\"}", editor));
        calls.put("POST /api/v1/articles/{id}/publish", () -> api.send("POST", "/api/v1/articles/" + draft + "/publish",
                "{}", editor));
        calls.put("GET /api/v1/articles/{id}/comments", () -> api.get("/api/v1/articles/" + api.third.id() + "/comments"));
        calls.put("POST /api/v1/articles/{id}/comments", () -> api.send("POST", "/api/v1/articles/" + api.third.id()
                + "/comments", "{\"text\": \"From the newsroom.\"}", editor));
        calls.put("GET /api/v1/comments", () -> api.get("/api/v1/comments", editor));
        calls.put("POST /api/v1/comments/{id}/approve", () -> api.send("POST", "/api/v1/comments/" + api.pendingComment
                + "/approve", null, editor));
        calls.put("POST /api/v1/comments/{id}/spam", () -> api.send("POST", "/api/v1/comments/" + api.pendingComment
                + "/spam", "{\"reason\": \"links\"}", editor));
        calls.put("POST /api/v1/comments/{id}/trash", () -> api.send("POST", "/api/v1/comments/" + api.pendingComment
                + "/trash", null, editor));
        calls.put("GET /api/v1/sections", () -> api.get("/api/v1/sections"));
        calls.put("GET /api/v1/tags", () -> api.get("/api/v1/tags"));
        calls.put("GET /api/v1/authors", () -> api.get("/api/v1/authors"));
        calls.put("GET /api/v1/openapi.json", () -> api.get("/api/v1/openapi.json"));
        assertThat(calls.keySet()).as("every route has a call here").containsExactlyInAnyOrderElementsOf(routesInTable());
        calls.forEach((route, call) -> {
            Answer answer = call.get();
            assertThat(answer.status()).as(route + ": " + answer.raw().body()).isBetween(200, 299);
            assertMatches(route, answer);
        });
    }

    @Test
    void refusals_have_the_declared_error_shape() {
        List<Answer> refusals = List.of(api.get("/api/v1/articles?limit=0"), api.get("/api/v1/comments"),
                api.get("/api/v1/comments", api.editorToken(Scope.READ)), api.get("/api/v1/articles/0"),
                api.send("POST", "/api/v1/articles", "{\"nope\": 1}", api.token(Role.EDITOR)),
                api.send("POST", "/api/v1/articles", "{", api.token(Role.EDITOR)));
        for (Answer refusal : refusals) {
            assertThat(refusal.status()).isBetween(400, 499);
            List<String> problems = new ArrayList<>();
            check(schema("Error"), refusal.json(), "$", problems);
            assertThat(problems).as(refusal.raw().body()).isEmpty();
        }
    }

    private void assertMatches(String route, Answer answer) {
        String[] parts = route.split(" ", 2);
        JsonNode responses = document.path("paths").path(parts[1]).path(parts[0].toLowerCase()).path("responses");
        JsonNode declared = responses.path(Integer.toString(answer.status()));
        assertThat(declared.isMissingNode()).as(route + " declares " + answer.status()).isFalse();
        JsonNode schema = declared.path("content").path("application/json").path("schema");
        List<String> problems = new ArrayList<>();
        check(schema, answer.json(), "$", problems);
        assertThat(problems).as(route).isEmpty();
    }

    private JsonNode schema(String name) {
        return document.path("components").path("schemas").path(name);
    }

    /** The structural part of JSON Schema the document uses: $ref, oneOf, type, enum, properties, required, items. */
    private void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            check(schema(ref.substring(ref.lastIndexOf('/') + 1)), value, at, problems);
            return;
        }
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonNode option : schema.path("oneOf")) {
                List<String> theirs = new ArrayList<>();
                check(option, value, at, theirs);
                if (theirs.isEmpty()) matching++;
            }
            if (matching != 1) problems.add(at + " matches " + matching + " of oneOf");
            return;
        }
        if (schema.has("type")) {
            List<String> types = new ArrayList<>();
            if (schema.path("type").isArray()) schema.path("type").forEach(t -> types.add(t.asText()));
            else types.add(schema.path("type").asText());
            if (types.stream().noneMatch(t -> hasType(value, t))) {
                problems.add(at + " is " + value.getNodeType() + ", not " + types);
                return;
            }
        }
        if (schema.has("enum") && !value.isNull()) {
            boolean listed = false;
            for (JsonNode option : schema.path("enum")) listed |= option.equals(value);
            if (!listed) problems.add(at + " = " + value + " is not one of " + schema.path("enum"));
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) problems.add(at + " lacks " + required.asText());
            }
            JsonNode properties = schema.path("properties");
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (properties.has(name)) {
                    check(properties.path(name), value.path(name), at + "." + name, problems);
                } else if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
                    problems.add(at + " has the undeclared " + name);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) check(schema.path("items"), value.get(i), at + "[" + i + "]", problems);
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
