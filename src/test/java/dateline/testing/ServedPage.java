package dateline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

/** A page as served, the status it must be served with, and markup that shows it is the situation named. */
public record ServedPage(int expectedStatus, HttpResponse<String> response, List<String> shows) {
    public ServedPage(int expectedStatus, HttpResponse<String> response, String... shows) {
        this(expectedStatus, response, List.of(shows));
    }

    /** Asserts that the page came with its status as HTML, shows its situation, and has no HTML errors. */
    public void assertValid(String name, HtmlChecker checker) {
        assertThat(response.statusCode()).as(name + ": status").isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).as(name).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        shows.forEach(markup -> assertThat(response.body()).as(name + ": the situation it names").contains(markup));
        assertThat(checker.errors(response.body())).as(name).isEmpty();
    }
}
