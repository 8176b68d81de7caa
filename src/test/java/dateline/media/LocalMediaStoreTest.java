package dateline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMediaStoreTest extends MediaStoreContract {
    @TempDir
    Path root;

    @Override
    MediaStore store() {
        return new LocalMediaStore(root.resolve("media"));
    }

    @Test
    void keeps_each_key_as_a_file_in_its_folder() {
        store().put("2024/06/abc-harbour-w480.jpg", new byte[] {1, 2, 3});
        assertThat(root.resolve("media/2024/06/abc-harbour-w480.jpg")).exists();
    }

    @Test
    void replaces_whole_and_leaves_no_temporary_file_behind() throws IOException {
        MediaStore store = store();
        store.put("a/b.png", new byte[] {1});
        store.put("a/b.png", new byte[] {2, 2});
        try (Stream<Path> files = Files.list(root.resolve("media/a"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("b.png");
        }
    }

    @Test
    void writes_nothing_outside_its_folder_for_a_key_that_climbs_out() {
        assertThatThrownBy(() -> store().put("../x", new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThat(root.resolve("x")).doesNotExist();
    }
}
