package dateline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.testing.TestSite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvalidationLogTest {
    private TestSite site;
    private InvalidationLog log;

    @BeforeEach
    void open() {
        site = TestSite.services();
        log = new InvalidationLog(site.wiring().database());
    }

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    void a_node_reads_the_changes_of_the_others_in_order_but_not_its_own() {
        long start = log.newest();
        Instant now = TestSite.START;
        log.append("a", List.of("article:1", "front"), now);
        log.append("b", List.of("site"), now);
        log.append("a", List.of("article:2"), now);

        assertThat(log.after(start, "b", 10)).extracting(InvalidationLog.Entry::tags)
                .containsExactly(Set.of("article:1", "front"), Set.of("article:2"));
        assertThat(log.after(start, "a", 10)).extracting(InvalidationLog.Entry::tags).containsExactly(Set.of("site"));
        assertThat(log.after(log.newest(), "c", 10)).isEmpty();
    }

    @Test
    void a_change_rolled_back_leaves_no_entry() {
        long start = log.newest();
        try {
            site.wiring().database().jdbi().useTransaction(h -> {
                log.append(h, "a", List.of("article:1"), TestSite.START);
                throw new IllegalStateException("the change fails");
            });
        } catch (IllegalStateException expected) {
            // the change and its entry are undone together
        }
        assertThat(log.after(start, "b", 10)).isEmpty();
    }

    @Test
    void old_entries_are_forgotten() {
        long start = log.newest();
        log.append("a", List.of("article:1"), TestSite.START);
        log.append("a", List.of("article:2"), TestSite.START.plus(Duration.ofMinutes(10)));

        assertThat(log.forgetBefore(TestSite.START.plus(Duration.ofMinutes(5)))).isEqualTo(1);
        assertThat(log.after(start, "b", 10)).extracting(InvalidationLog.Entry::tags).containsExactly(Set.of("article:2"));
    }
}
