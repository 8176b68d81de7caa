package dateline.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CommentInitialsTest {
    /** The rule as first written, with a regular expression: the first letters of the first and last words. */
    private static String byExpression(String name) {
        String[] words = Pattern.compile("\\s+").split(name.strip());
        if (words.length == 0 || words[0].isEmpty()) return "?";
        String first = words[0].substring(0, words[0].offsetByCodePoints(0, 1));
        if (words.length == 1) return first.toUpperCase(Locale.ROOT);
        String last = words[words.length - 1];
        return (first + last.substring(0, last.offsetByCodePoints(0, 1))).toUpperCase(Locale.ROOT);
    }

    @Test
    void a_name_gives_the_first_letters_of_its_first_and_last_words() {
        assertThat(CommentRoutes.initials("ada lovelace")).isEqualTo("AL");
        assertThat(CommentRoutes.initials("Mary Ann Evans")).isEqualTo("ME");
        assertThat(CommentRoutes.initials("  cher ")).isEqualTo("C");
        assertThat(CommentRoutes.initials(" \t ")).isEqualTo("?");
        assertThat(CommentRoutes.initials("\uD835\uDC00lpha \uD835\uDC01eta")).isEqualTo("\uD835\uDC00\uD835\uDC01");
    }

    @Test
    void words_are_parted_exactly_where_the_expression_parted_them() {
        String[] names = {"", "x", "Ann\tBerg", "Ann\nBerg\r\n", "Ann\u000BBerg", "Ann\fBerg", "Ann\u2003Berg",
                "\u2003Ann Berg\u2003", "Ann \u00a0Berg", "ß ſ", "ÿ ǆ", "İ ı", "  a  b  c  ", "a\u001Cb c", "\u001Fa", "zoë {ada", "ann ßerg", "ßerg ann", "z", "@ ~",
                "1a 2b", "`a {b"};
        for (String name : names) {
            assertThat(CommentRoutes.initials(name)).as("initials of [%s]", name).isEqualTo(byExpression(name));
        }
    }

    @Test
    void every_status_is_read_back_from_the_code_it_is_stored_as() {
        for (CommentStatus status : CommentStatus.values()) {
            assertThat(CommentStatus.named(status.code())).contains(status);
        }
        assertThat(CommentStatus.named("Approved")).isEmpty();
        assertThat(CommentStatus.named(null)).isEmpty();
    }
}
