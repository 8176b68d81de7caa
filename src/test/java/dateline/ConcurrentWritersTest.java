package dateline;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.comments.Comment;
import dateline.comments.CommentService;
import dateline.comments.NewComment;
import dateline.testing.TestSite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writers that meet at the database wait for one another instead of failing: every write transaction takes
 * the write lock when it begins, so none can start as a reader and then be refused the upgrade.
 */
class ConcurrentWritersTest {
    private static final int THREADS = 8;
    private static final int EACH = 20;

    private TestSite site;

    @BeforeEach
    void open() {
        site = TestSite.services();
    }

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    void readers_comments_moderation_and_publishing_at_once_all_succeed() throws Exception {
        Account alice = site.anAuthor("Alice Moreau");
        Account editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, null));
        Article article = site.articles().anArticle().headline("Harbour bridge reopens").by(alice)
                .publishedAt(TestSite.START).article();
        CommentService comments = site.wiring().comments();
        site.wiring().site().saveComments(site.wiring().site().comments().withMinimumFillSeconds(0));
        String token = comments.formToken(article.id());

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch together = new CountDownLatch(1);
        List<Future<Integer>> writers = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<Integer> work = () -> {
                    together.await();
                    for (int i = 0; i < EACH; i++) {
                        String who = "reader-" + thread + "-" + i;
                        Comment posted = comments.post(new NewComment(article.id(), null, "Reader " + who,
                                who + "@example.net", "", "Comment " + i + " from thread " + thread + ".",
                                "10.0." + thread + "." + i, "Firefox", token, ""));
                        if (thread % 2 == 0) comments.moderate(posted.id(), CommentService.Action.APPROVE, "", editor);
                        if (thread == 1 && i % 5 == 0) {
                            site.articles().anArticle().headline("Story " + i).by(alice).publishedAt(TestSite.START);
                        }
                    }
                    return EACH;
                };
                writers.add(pool.submit(work));
            }
            together.countDown();
            int written = 0;
            for (Future<Integer> writer : writers) written += writer.get(120, TimeUnit.SECONDS); // rethrows a failure
            assertThat(written).isEqualTo(THREADS * EACH);
        } finally {
            pool.shutdownNow();
        }
        long stored = site.wiring().database().jdbi().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM comments WHERE article_id = :id").bind("id", article.id())
                        .mapTo(Long.class).one());
        assertThat(stored).isEqualTo(THREADS * EACH);
        assertThat(comments.approvedCount(article.id())).isGreaterThanOrEqualTo(THREADS / 2 * EACH);
    }
}
