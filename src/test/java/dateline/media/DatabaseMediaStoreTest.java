package dateline.media;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.testing.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatabaseMediaStoreTest extends MediaStoreContract {
    // one site for the class: a site takes a second to make, and each test uses keys of its own or replaces
    private static TestSite site;

    @BeforeAll
    static void open() {
        site = TestSite.services();
    }

    @Override
    MediaStore store() {
        return new DatabaseMediaStore(site.wiring().database().jdbi());
    }

    @AfterAll
    static void close() {
        site.close();
    }

    @Test
    void what_one_store_keeps_another_over_the_same_database_finds_as_another_node_would() {
        store().put("2024/07/def-ferry-w480.webp", new byte[] {4, 5});
        assertThat(store().get("2024/07/def-ferry-w480.webp")).hasValueSatisfying(b -> assertThat(b).containsExactly(4, 5));
    }

    @Test
    void keeps_nothing_in_the_data_folder() {
        store().put("2024/08/ghi-quay-w480.webp", new byte[] {4, 5});
        assertThat(site.dataDir().resolve("media")).doesNotExist();
    }
}
