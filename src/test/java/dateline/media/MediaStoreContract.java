package dateline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every media store does, whatever it keeps the bytes in: each store's test extends this. */
abstract class MediaStoreContract {
    /** A store with nothing in it. */
    abstract MediaStore store();

    @Test
    void gives_back_what_was_put_under_a_key_in_folders() {
        MediaStore store = store();
        store.put("2024/06/abc-harbour-w480.jpg", new byte[] {1, 2, 3});
        assertThat(store.get("2024/06/abc-harbour-w480.jpg")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
    }

    @Test
    void keeps_every_byte_of_a_large_file_as_it_was() {
        byte[] photo = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(photo);
        MediaStore store = store();
        store.put("originals/2024/06/photo.jpg", photo);
        assertThat(store.get("originals/2024/06/photo.jpg")).hasValueSatisfying(b -> assertThat(b).isEqualTo(photo));
    }

    @Test
    void replaces_what_was_under_a_key() {
        MediaStore store = store();
        store.put("a/b.png", new byte[] {1});
        store.put("a/b.png", new byte[] {2, 2});
        assertThat(store.get("a/b.png")).hasValueSatisfying(b -> assertThat(b).containsExactly(2, 2));
    }

    @Test
    void has_nothing_under_an_unknown_key_and_forgets_a_deleted_one() {
        MediaStore store = store();
        assertThat(store.get("nothing/here.jpg")).isEmpty();
        store.put("x.gif", new byte[] {7});
        store.put("y.gif", new byte[] {8});
        store.delete("x.gif");
        store.delete("x.gif");
        assertThat(store.get("x.gif")).isEmpty();
        assertThat(store.get("y.gif")).hasValueSatisfying(b -> assertThat(b).containsExactly(8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/etc/passwd", "a\\b", "a/../../b", "a/./b", ".", "", "a//b", "a/", "Upper.jpg",
            "a b.jpg", "a/b.jpg\u0000", "%2e%2e/x", "~/x"})
    void refuses_keys_that_could_lead_outside_its_folder_or_are_not_plain(String key) {
        MediaStore store = store();
        assertThatThrownBy(() -> store.put(key, new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
    }
}
