package dateline.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.ArticleEvent.Kind;
import dateline.testing.TestSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What listeners hear of each change to an article, inside its transaction and after it commits. */
class ArticleListenerTest {
    private TestSite site;
    private ArticleService articles;
    private Account editor;
    private final List<String> inside = new ArrayList<>();
    private final List<ArticleEvent> told = new ArrayList<>();

    @BeforeEach
    void openSite() {
        site = TestSite.services();
        articles = site.wiring().articles();
        editor = site.wiring().accounts().open(new NewAccount("edith@example.org", "Edith Editor", Role.EDITOR, null));
        articles.addListener(new ArticleListener() {
            @Override
            public void changing(Handle h, ArticleEvent event) {
                Article article = event.article().article();
                inside.add(event.kind() + " " + article.status().code() + " " + article.headline());
            }

            @Override
            public void changed(ArticleEvent event) {
                told.add(event);
            }
        });
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private List<Kind> kinds() {
        return told.stream().map(ArticleEvent::kind).toList();
    }

    @Test
    void a_draft_that_goes_out_and_is_corrected_is_told_in_that_order() {
        Article draft = site.articles().anArticle().headline("Ferry timetable changes").by(editor).written();
        Article published = articles.publish(draft.id(), null, editor);
        FullArticle full = articles.full(published.id()).orElseThrow();
        ArticleDraft same = new ArticleDraft(published.headline(), published.slug(), published.standfirst(),
                "The ferry leaves at nine, not eight.", published.bodyFormat(), published.type(), published.sectionId(),
                List.of(), full.bylines().stream().map(Byline::accountId).toList(), "", true, null);
        articles.save(published.id(), same, published.version(), new Edit.Correction("The departure time was wrong."), editor);
        articles.retract(published.id(), "The timetable was never confirmed.", editor);

        assertThat(kinds()).containsExactly(Kind.WRITTEN, Kind.PUBLISHED, Kind.UPDATED, Kind.RETRACTED);
        assertThat(inside).containsExactly("WRITTEN draft Ferry timetable changes",
                "PUBLISHED published Ferry timetable changes", "UPDATED published Ferry timetable changes",
                "RETRACTED retracted Ferry timetable changes");
        ArticleEvent correction = told.get(2);
        assertThat(correction.note()).hasValueSatisfying(n -> {
            assertThat(n.kind()).isEqualTo(UpdateKind.CORRECTION);
            assertThat(n.note()).isEqualTo("The departure time was wrong.");
        });
        assertThat(correction.article().article().bodySource()).contains("nine, not eight");
    }

    @Test
    void a_public_article_that_moves_tells_the_address_it_left() {
        FullArticle out = site.articles().anArticle().slug("bridge-reopens").by(editor).publishedAt(site.clock().instant());
        articles.changeSlug(out.article().id(), "harbour-bridge-reopens");

        ArticleEvent moved = told.get(told.size() - 1);
        assertThat(moved.kind()).isEqualTo(Kind.UPDATED);
        assertThat(moved.formerPath()).contains(out.article().path());
        assertThat(moved.article().article().path()).endsWith("/harbour-bridge-reopens/");
    }

    @Test
    void a_scheduled_article_is_told_as_published_once_when_its_moment_comes() {
        Article draft = site.articles().anArticle().by(editor).written();
        articles.publish(draft.id(), site.clock().instant().plus(Duration.ofHours(1)), editor);
        assertThat(kinds()).containsExactly(Kind.WRITTEN, Kind.WRITTEN);

        site.clock().advance(Duration.ofHours(2));
        assertThat(articles.publishDue()).isEqualTo(1);
        assertThat(articles.publishDue()).isZero();
        assertThat(kinds()).containsExactly(Kind.WRITTEN, Kind.WRITTEN, Kind.PUBLISHED);
    }

    @Test
    void a_listener_that_fails_inside_the_transaction_undoes_the_change_and_nobody_is_told() {
        Article draft = site.articles().anArticle().by(editor).written();
        articles.addListener(new ArticleListener() {
            @Override
            public void changing(Handle h, ArticleEvent event) {
                if (event.article().article().status() == ArticleStatus.PUBLISHED) throw new IllegalStateException("index full");
            }
        });
        told.clear();

        assertThatThrownBy(() -> articles.publish(draft.id(), null, editor)).hasMessage("index full");
        assertThat(articles.full(draft.id()).orElseThrow().article().status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(told).isEmpty();
    }

    @Test
    void a_listener_that_fails_after_the_commit_does_not_undo_the_change() {
        articles.addListener(new ArticleListener() {
            @Override
            public void changed(ArticleEvent event) {
                throw new IllegalStateException("delivery down");
            }
        });
        Article draft = site.articles().anArticle().by(editor).written();

        assertThat(articles.publish(draft.id(), null, editor).status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(kinds()).containsExactly(Kind.WRITTEN, Kind.PUBLISHED);
    }
}
