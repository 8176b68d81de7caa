package dateline.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's measuring, on small files of its own: the classifier learns from one and is judged on another. */
class SpamEvaluationTest {
    private static final String HEADER = "COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\n";

    @TempDir
    Path dir;

    private Path file(String name, List<String> rows) throws IOException {
        return Files.writeString(dir.resolve(name), HEADER + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    }

    private static List<String> labelled(int count, int offset) {
        List<String> rows = new ArrayList<>();
        for (int i = offset; i < offset + count; i++) {
            rows.add("s" + i + ",Deals " + i + ",,\"Cheap pills and casino bonus at https://pills" + i % 3
                    + ".example, call +1 555 010 " + (1000 + i) + "\",1");
            rows.add("h" + i + ",Reader " + i + ",,\"The council meeting on the bridge repairs ran late; question "
                    + i + " was about the buses.\",0");
        }
        return rows;
    }

    private static List<String> printed(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpamEvaluation.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void trains_on_the_first_file_only_and_ends_with_precision_and_recall_on_the_second() throws IOException {
        Path train = file("train.csv", labelled(40, 0));
        Path test = file("test.csv", labelled(10, 100));
        List<String> lines = printed(train.toString(), test.toString());
        assertThat(lines).anyMatch(l -> l.startsWith("trained on 80 comments (40 spam)"));
        assertThat(lines).anyMatch(l -> l.startsWith("tested on 20 comments (10 spam)"));
        assertThat(lines).anyMatch(l -> l.startsWith("baseline, the link rule alone"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("precision=1.000 recall=1.000");
    }

    @Test
    void holds_back_a_fixed_part_of_one_file() throws IOException {
        Path all = file("all.csv", labelled(30, 0));
        List<String> lines = printed("--hold-back-every", "3", all.toString());
        assertThat(lines).anyMatch(l -> l.startsWith("trained on 40 comments"));
        assertThat(lines).anyMatch(l -> l.startsWith("tested on 20 comments"));
        assertThat(lines.get(lines.size() - 1)).matches("precision=\\d\\.\\d{3} recall=\\d\\.\\d{3}");
    }

    @Test
    void a_file_that_is_not_labelled_comments_is_refused_with_the_line_that_broke_it() throws IOException {
        Path good = file("good.csv", labelled(5, 0));
        Path bad = file("bad.csv", List.of("a,Ana,,hello,0", "b,Ben,,hi there,spam"));
        assertThatThrownBy(() -> printed(good.toString(), bad.toString())).isInstanceOf(IOException.class)
                .hasMessageContaining("Line 3");
        assertThatThrownBy(() -> printed(good.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Usage");
        assertThatThrownBy(() -> printed("--hold-back-every", "one", good.toString()))
                .hasMessageContaining("whole number");
    }
}
