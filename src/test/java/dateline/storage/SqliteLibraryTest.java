package dateline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLibraryTest {
    @TempDir
    Path temporary;

    @Test
    void the_library_a_killed_process_left_behind_is_removed_and_that_of_a_running_one_kept() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path leftBehind = Files.createDirectory(temporary.resolve("dateline-sqlite-" + ended.pid() + "-1"));
        Files.writeString(leftBehind.resolve("libsqlitejdbc.so"), "library");
        Path inUse = Files.createDirectory(temporary.resolve("dateline-sqlite-" + ProcessHandle.current().pid() + "-2"));
        Files.writeString(inUse.resolve("libsqlitejdbc.so"), "library");

        SqliteLibrary.removeLeftBehind(temporary);

        assertThat(leftBehind).doesNotExist();
        assertThat(inUse.resolve("libsqlitejdbc.so")).exists();
    }
}
