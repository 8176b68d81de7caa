package dateline.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.testing.TestSite;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundImportsTest {
    private final TestSite site = TestSite.services();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch reading = new CountDownLatch(1);
    /** A reader that waits until the test lets it go, then fails as a broken file does. */
    private final Wxr.Reader held = (file, handler) -> {
        reading.countDown();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new WxrException(3, "The file ends inside an item.");
    };
    private final BackgroundImports imports = new BackgroundImports(site.wiring().imports(), folder(), site.clock(),
            file -> held);

    private Path folder() {
        return site.dataDir().resolve("imports");
    }

    @AfterEach
    void close() {
        release.countDown();
        imports.close();
        site.close();
    }

    @Test
    void a_second_import_while_one_runs_is_refused_with_a_clear_message() throws Exception {
        imports.begin("wordpress.xml", bytes("<rss/>"), false);
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(imports.latest().orElseThrow().running()).isTrue();

        assertThatThrownBy(() -> imports.begin("other.xml", bytes("<rss/>"), false))
                .isInstanceOf(BackgroundImports.Busy.class).hasMessageContaining("wordpress.xml is under way");
        assertThat(imports.latest().orElseThrow().fileName()).isEqualTo("wordpress.xml");
    }

    @Test
    void a_file_that_cannot_be_read_ends_the_import_with_its_message_and_is_not_kept() throws Exception {
        imports.begin("../../wordpress.xml", bytes("<rss/>"), true);
        release.countDown();
        ImportJob job = awaitEnd();

        assertThat(job.state()).isEqualTo(ImportJob.State.FAILED);
        assertThat(job.error()).isEqualTo("Line 3: The file ends inside an item.");
        assertThat(job.fileName()).isEqualTo("wordpress.xml");
        assertThat(job.dryRun()).isTrue();
        try (var left = Files.list(folder())) {
            assertThat(left).isEmpty();
        }
        imports.begin("again.xml", bytes("<rss/>"), false);
        assertThat(imports.latest().orElseThrow().number()).isEqualTo(2);
    }

    @Test
    void a_json_export_is_read_as_json_and_anything_else_as_wxr(@TempDir Path dir) throws Exception {
        assertThat(BackgroundImports.readerFor(Files.writeString(dir.resolve("a"), "\uFEFF \n {\"format\":\"dateline\"}")))
                .isInstanceOf(DatelineJsonReader.class);
        assertThat(BackgroundImports.readerFor(Files.writeString(dir.resolve("b"), "<?xml version=\"1.0\"?>")))
                .isInstanceOf(WxrReader.class);
    }

    private ImportJob awaitEnd() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            ImportJob job = imports.latest().orElseThrow();
            if (!job.running()) return job;
            Thread.sleep(20);
        }
        throw new AssertionError("The import did not end");
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
