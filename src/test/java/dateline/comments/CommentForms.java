package dateline.comments;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.testing.Http;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The comment form as a reader's browser finds it on an article page. */
final class CommentForms {
    private static final Pattern TOKEN = Pattern.compile("name=\"form_token\" id=\"form_token\" value=\"([^\"]*)\"");

    private CommentForms() {}

    /** Loads an article page, as a reader does before writing, and answers its comment form's token. */
    static String tokenOn(Http http, String articlePath) {
        HttpResponse<String> page = http.get(articlePath);
        assertThat(page.statusCode()).isEqualTo(200);
        return tokenIn(page.body());
    }

    /** The token of the comment form in a page. */
    static String tokenIn(String html) {
        Matcher m = TOKEN.matcher(html);
        assertThat(m.find()).as("the page has a comment form with its token").isTrue();
        return m.group(1);
    }
}
