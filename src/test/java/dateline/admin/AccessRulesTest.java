package dateline.admin;

import static dateline.testing.Pages.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dateline.accounts.Role;
import dateline.admin.StaffedNewsroom.Browser;
import dateline.testing.Http;
import io.javalin.http.HandlerType;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The access rule of every route of the newsroom, for a visitor and for every role, read from the route
 * table itself: a route or a role added later is covered here without a line of this test changing.
 *
 * <p>Each request carries what it takes to get past everything but the rule (the session cookie and, for a
 * POST, the right form token), so that the rule alone decides: a visitor is sent to sign in (GET) or refused
 * (anything else); a member whose role lacks the route's permission is refused with 403; a member whose role
 * has it is let in, whatever the handler then makes of the harmless request (200, 303, 404, 409, 422).
 * Every answer, let in or not, is never cached.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest {
    /** What the access rule says when it refuses, so that a refusal by the CSRF check is not taken for it. */
    private static final String SIGN_IN_FIRST = "Sign in to do this.";
    private static final String ROLE_REFUSED = "Your role in the newsroom does not allow this.";

    private StaffedNewsroom newsroom;
    private Http http;
    private Browser visitor;

    @BeforeAll
    void openNewsroom() {
        newsroom = new StaffedNewsroom();
        http = newsroom.http();
        visitor = newsroom.visitor();
    }

    @AfterAll
    void closeNewsroom() {
        newsroom.close();
    }

    @Nested
    class The_route_table {
        @Test
        void is_there_once_the_server_runs_and_holds_reading_and_changing_routes() {
            assertThat(newsroom.table()).extracting(AdminRoute::method).contains(HandlerType.GET, HandlerType.POST);
            assertThat(newsroom.table()).extracting(AdminRoute::path).allMatch(p -> p.startsWith("/admin"));
        }

        @Test
        void names_each_method_and_path_once_and_each_with_a_permission() {
            assertThat(newsroom.table()).extracting(r -> r.method() + " " + r.path()).doesNotHaveDuplicates();
            assertThat(newsroom.table()).allSatisfy(r -> assertThat(r.permission()).isNotNull());
        }
    }

    @TestFactory
    Stream<DynamicNode> every_route_of_the_newsroom_lets_in_exactly_the_roles_with_its_permission() {
        return newsroom.table().stream().map(route -> dynamicContainer(
                route.method() + " " + route.path() + " needs " + route.permission(), rulesOf(route)));
    }

    /** Every reading route also answers HEAD, which runs the same handler: the same rule must guard it. */
    @TestFactory
    Stream<DynamicNode> every_reading_route_asked_with_head_lets_in_exactly_the_roles_with_its_permission() {
        return newsroom.table().stream().filter(r -> r.method() == HandlerType.GET).map(route -> dynamicContainer(
                "HEAD " + route.path() + " needs " + route.permission(), headRulesOf(route)));
    }

    private Stream<DynamicTest> rulesOf(AdminRoute route) {
        String path = newsroom.pathOf(route);
        List<DynamicTest> tests = new ArrayList<>();
        if (route.method() == HandlerType.GET) {
            tests.add(dynamicTest("a visitor who is not signed in is sent to sign in, and back here after", () -> {
                HttpResponse<String> response = http.get(path);
                assertThat(response.statusCode()).as("status").isEqualTo(303);
                String location = header(response, "location");
                assertThat(location).startsWith("/login?next=");
                assertThat(URLDecoder.decode(location.substring("/login?next=".length()), StandardCharsets.UTF_8))
                        .isEqualTo(path);
                assertNeverCached(response);
            }));
        } else {
            tests.add(dynamicTest("a visitor who is not signed in is refused with 403", () -> {
                HttpResponse<String> response = send(route, path, visitor);
                assertThat(response.statusCode()).as("status").isEqualTo(403);
                assertThat(response.body()).contains(SIGN_IN_FIRST);
                assertNeverCached(response);
            }));
        }
        for (Role role : Role.values()) {
            if (role.can(route.permission())) {
                tests.add(dynamicTest(aOrAn(role) + " is let in", () -> {
                    HttpResponse<String> response = send(route, path, newsroom.signedIn(role));
                    assertLetIn(response);
                    assertNeverCached(response);
                }));
            } else {
                tests.add(dynamicTest(aOrAn(role) + " is refused with 403", () -> {
                    HttpResponse<String> response = send(route, path, newsroom.signedIn(role));
                    assertThat(response.statusCode()).as("status").isEqualTo(403);
                    assertThat(response.body()).contains(ROLE_REFUSED);
                    assertNeverCached(response);
                }));
            }
        }
        return tests.stream();
    }

    private Stream<DynamicTest> headRulesOf(AdminRoute route) {
        String path = newsroom.pathOf(route);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("a visitor who is not signed in is not let in", () -> {
            HttpResponse<String> response = http.head(path);
            assertThat(response.statusCode()).as("status").isIn(303, 403);
            if (response.statusCode() == 303) assertThat(header(response, "location")).startsWith("/login?next=");
            assertNeverCached(response);
        }));
        for (Role role : Role.values()) {
            boolean allowed = role.can(route.permission());
            tests.add(dynamicTest(aOrAn(role) + (allowed ? " is let in" : " is refused with 403"), () -> {
                HttpResponse<String> response = http.head(path, "Cookie", newsroom.signedIn(role).cookie());
                if (allowed) {
                    assertLetIn(response);
                } else {
                    assertThat(response.statusCode()).as("status").isEqualTo(403);
                }
                assertNeverCached(response);
            }));
        }
        return tests.stream();
    }

    private HttpResponse<String> send(AdminRoute route, String path, Browser browser) {
        if (route.method() == HandlerType.GET) return http.get(path, "Cookie", browser.cookie());
        if (route.method() == HandlerType.POST) {
            Map<String, String> form = new LinkedHashMap<>(newsroom.harmlessForm(route));
            form.put("csrf", browser.token());
            return http.post(path, form, "Cookie", browser.cookie());
        }
        throw new AssertionError("The table has a " + route.method() + " route, " + route.path()
                + ": teach this test how to send one");
    }

    private static void assertLetIn(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as("status of a request that should be let in; the page says: %s", abbreviated(response.body()))
                .isNotEqualTo(403).isLessThan(500);
    }

    private static void assertNeverCached(HttpResponse<String> response) {
        assertThat(header(response, "cache-control")).as("Cache-Control").isEqualTo("no-store");
    }

    private static String aOrAn(Role role) {
        return ("aeiou".indexOf(role.code().charAt(0)) >= 0 ? "an " : "a ") + role.code();
    }

    private static String abbreviated(String body) {
        String text = body == null ? "" : body.replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
