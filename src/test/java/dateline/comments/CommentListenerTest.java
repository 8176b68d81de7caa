package dateline.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.comments.CommentEvent.Kind;
import dateline.testing.TestSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What listeners hear of comments becoming visible, leaving the page, being edited or erased. */
class CommentListenerTest {
    private TestSite site;
    private CommentService comments;
    private Article article;
    private Account editor;
    private Account admin;
    private final List<String> inside = new ArrayList<>();
    private final List<CommentEvent> told = new ArrayList<>();

    @BeforeEach
    void openSite() {
        site = TestSite.services();
        comments = site.wiring().comments();
        editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, null));
        admin = site.wiring().accounts().open(new NewAccount("ada@example.org", "Ada Admin", Role.ADMINISTRATOR, null));
        article = site.articles().anArticle().by(editor).publishedAt(TestSite.START).article();
        comments.addListener(new CommentListener() {
            @Override
            public void changing(Handle h, CommentEvent event) {
                inside.add(event.kind() + " " + event.comment().status().code());
            }

            @Override
            public void changed(CommentEvent event) {
                told.add(event);
            }
        });
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private Comment post(String email, String text) {
        String token = comments.formToken(article.id());
        site.clock().advance(Duration.ofSeconds(20));
        return comments.post(new NewComment(article.id(), null, "Reader", email, "", text, "198.51.100.7", "Firefox",
                token, ""));
    }

    private List<Kind> kinds() {
        return told.stream().map(CommentEvent::kind).toList();
    }

    @Test
    void a_held_comment_is_told_only_once_a_moderator_approves_it_and_again_when_it_leaves_the_page() {
        Comment held = post("ana@example.org", "First!");
        assertThat(told).isEmpty();

        comments.moderate(held.id(), CommentService.Action.APPROVE, "", editor);
        comments.moderate(held.id(), CommentService.Action.APPROVE, "", editor);
        comments.moderate(held.id(), CommentService.Action.SPAM, "", editor);
        comments.moderate(held.id(), CommentService.Action.RESTORE, "", editor);

        assertThat(kinds()).as("approving twice is told once; restoring from spam only makes it wait")
                .containsExactly(Kind.APPROVED, Kind.WITHDRAWN);
        assertThat(inside).containsExactly("APPROVED approved", "WITHDRAWN spam");
    }

    @Test
    void an_automatically_approved_comment_a_bulk_approval_and_a_newsroom_reply_are_each_told_as_approved() {
        Comment first = post("ana@example.org", "First!");
        comments.moderateAll(List.of(first.id()), CommentService.Action.APPROVE, editor);
        Comment second = post("ana@example.org", "Again.");
        Comment held = post("ben@example.org", "Hello.");
        Comment reply = comments.replyAsStaff(held.id(), "Welcome, Ben.", editor);

        assertThat(second.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(told).extracting(e -> e.kind() + " " + e.comment().id()).containsExactly(
                "APPROVED " + first.id(), "APPROVED " + second.id(), "APPROVED " + held.id(), "APPROVED " + reply.id());
    }

    @Test
    void trashing_unapproving_editing_and_erasing_are_told() {
        Comment first = post("ana@example.org", "First!");
        comments.moderate(first.id(), CommentService.Action.APPROVE, "", editor);
        comments.edit(first.id(), "First, edited.", editor);
        comments.moderate(first.id(), CommentService.Action.UNAPPROVE, "", editor);
        comments.erase("ana@example.org", false, admin);

        assertThat(kinds()).containsExactly(Kind.APPROVED, Kind.EDITED, Kind.WITHDRAWN, Kind.ERASED);
        assertThat(told.get(1).comment().body()).isEqualTo("First, edited.");
        assertThat(told.get(3).comment().authorName()).isEqualTo("Anonymous");
    }

    @Test
    void a_listener_that_fails_inside_the_transaction_undoes_the_approval_and_nobody_is_told() {
        Comment held = post("ana@example.org", "First!");
        comments.addListener(new CommentListener() {
            @Override
            public void changing(Handle h, CommentEvent event) {
                throw new IllegalStateException("outbox full");
            }
        });

        assertThatThrownBy(() -> comments.moderate(held.id(), CommentService.Action.APPROVE, "", editor))
                .hasMessage("outbox full");
        assertThat(comments.byId(held.id()).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
        assertThat(told).isEmpty();
    }
}
