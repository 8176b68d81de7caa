package dateline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalMediaStoreTest {
    @TempDir
    Path root;

    @Nested
    class Keeping {
        @Test
        void gives_back_what_was_put_under_a_key_in_folders() {
            LocalMediaStore store = new LocalMediaStore(root);
            store.put("2024/06/abc-harbour-w480.jpg", new byte[] {1, 2, 3});
            assertThat(store.get("2024/06/abc-harbour-w480.jpg")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
            assertThat(root.resolve("2024/06/abc-harbour-w480.jpg")).exists();
        }

        @Test
        void replaces_whole_and_leaves_no_temporary_file_behind() throws IOException {
            LocalMediaStore store = new LocalMediaStore(root);
            store.put("a/b.png", new byte[] {1});
            store.put("a/b.png", new byte[] {2, 2});
            assertThat(store.get("a/b.png")).hasValueSatisfying(b -> assertThat(b).containsExactly(2, 2));
            try (Stream<Path> files = Files.list(root.resolve("a"))) {
                assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("b.png");
            }
        }

        @Test
        void has_nothing_under_an_unknown_key_and_forgets_a_deleted_one() {
            LocalMediaStore store = new LocalMediaStore(root);
            assertThat(store.get("nothing/here.jpg")).isEmpty();
            store.put("x.gif", new byte[] {7});
            store.delete("x.gif");
            store.delete("x.gif");
            assertThat(store.get("x.gif")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/etc/passwd", "a\\b", "a/../../b", "a/./b", ".", "", "a//b", "a/", "Upper.jpg",
            "a b.jpg", "a/b.jpg\u0000", "%2e%2e/x", "~/x"})
    void refuses_keys_that_could_lead_outside_its_folder_or_are_not_plain(String key) {
        LocalMediaStore store = new LocalMediaStore(root.resolve("media"));
        assertThatThrownBy(() -> store.put(key, new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
        assertThat(root.resolve("x")).doesNotExist();
    }
}
