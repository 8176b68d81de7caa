package dateline.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommentThreadTest {
    private static final Instant T = Instant.parse("2024-06-20T07:38:00Z");
    private final List<Comment> comments = new ArrayList<>();

    private Comment add(Long parent, CommentStatus status) {
        long id = comments.size() + 1;
        int depth = parent == null ? 1 : comments.get((int) (parent - 1)).depth() + 1;
        Comment c = new Comment(id, 1, parent, depth, status, "Reader " + id, "r" + id + "@example.org", "", null,
                "Text " + id, "<p>Text " + id + "</p>", T.plusSeconds(id * 60), T, null, null, null, List.of());
        comments.add(c);
        return c;
    }

    @Test
    void replies_sit_under_what_they_answer_in_the_order_they_came() {
        add(null, CommentStatus.APPROVED);
        add(null, CommentStatus.APPROVED);
        add(1L, CommentStatus.APPROVED);
        add(3L, CommentStatus.APPROVED);
        add(1L, CommentStatus.APPROVED);
        CommentThread thread = CommentThread.of(comments, false, 50, 1);
        assertThat(thread.comments()).extracting(n -> n.comment().id()).containsExactly(1L, 2L);
        CommentThread.Node first = thread.comments().get(0);
        assertThat(first.replies()).extracting(n -> n.comment().id()).containsExactly(3L, 5L);
        assertThat(first.replies().get(0).replies()).extracting(n -> n.comment().id()).containsExactly(4L);
        assertThat(thread.approvedCount()).isEqualTo(5);
    }

    @Test
    void pages_count_top_level_comments_so_a_conversation_is_never_split() {
        for (int i = 0; i < 5; i++) add(null, CommentStatus.APPROVED);
        add(1L, CommentStatus.APPROVED);
        add(6L, CommentStatus.APPROVED);
        CommentThread second = CommentThread.of(comments, false, 2, 2);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.comments()).extracting(n -> n.comment().id()).containsExactly(3L, 4L);
        assertThat(CommentThread.pageOf(7, comments, false, 2)).isEqualTo(1);
        assertThat(CommentThread.pageOf(5, comments, false, 2)).isEqualTo(3);
    }

    @Test
    void newest_first_reverses_the_conversations_but_not_their_replies() {
        add(null, CommentStatus.APPROVED);
        add(null, CommentStatus.APPROVED);
        add(1L, CommentStatus.APPROVED);
        add(1L, CommentStatus.APPROVED);
        CommentThread thread = CommentThread.of(comments, true, 50, 1);
        assertThat(thread.comments()).extracting(n -> n.comment().id()).containsExactly(2L, 1L);
        assertThat(thread.comments().get(1).replies()).extracting(n -> n.comment().id()).containsExactly(3L, 4L);
        assertThat(CommentThread.pageOf(2, comments, true, 1)).isEqualTo(1);
    }

    @Test
    void a_page_beyond_the_last_shows_the_last() {
        add(null, CommentStatus.APPROVED);
        assertThat(CommentThread.of(comments, false, 50, 7).page()).isEqualTo(1);
    }

    @Test
    void the_count_is_of_approved_comments_only() {
        add(null, CommentStatus.APPROVED);
        add(null, CommentStatus.PENDING);
        assertThat(CommentThread.of(comments, false, 50, 1).approvedCount()).isEqualTo(1);
    }
}
