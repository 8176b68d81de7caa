package dateline;

import static dateline.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import dateline.imports.Fixtures;
import dateline.testing.Commands.Run;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dateline import wxr}, as an operator runs it. */
class ImportCommandTest {
    private static Wiring open(Path data) {
        return Wiring.open(Settings.resolve(Map.of("data", data.toString()), Map.of()), Clock.systemUTC());
    }

    @Test
    void imports_an_export_with_its_uploads_printing_progress_and_the_report(@TempDir Path data) {
        Run run = run("import", "wxr", Fixtures.file("wordpress-site.xml").toString(), "--data", data.toString(),
                "--uploads", Fixtures.uploads().toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("checking:", "articles:", "Imported “The Harbour Gazette”", "created",
                "Forgot your password?");
        try (Wiring wiring = open(data)) {
            assertThat(wiring.articles().countPublished()).isEqualTo(4);
            assertThat(wiring.media().library(dateline.web.PageRequest.first(10)).items()).hasSize(3);
        }
    }

    @Test
    void a_dry_run_writes_nothing(@TempDir Path data) {
        Run run = run("import", "wxr", Fixtures.file("wordpress-site.xml").toString(), "--data", data.toString(),
                "--dry-run");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Dry run: nothing was written");
        try (Wiring wiring = open(data)) {
            assertThat(wiring.accounts().count()).isZero();
            assertThat(wiring.articles().countPublished()).isZero();
        }
    }

    @Test
    void a_broken_file_gives_its_message_and_exit_code_1_without_a_stack_trace(@TempDir Path data) {
        Run run = run("import", "wxr", Fixtures.file("truncated.xml").toString(), "--data", data.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("Line ").contains("truncated").doesNotContain("Exception", "\tat ");
        assertThat(run("import", "wxr", data.resolve("missing.xml").toString(), "--data", data.toString()).err())
                .contains("There is no file at");
    }
}
