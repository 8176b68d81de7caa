package dateline.articles;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.comments.CommentService;
import dateline.testing.TestSite;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fast without the page cache too: an article page is read with a fixed number of SQL statements, whatever
 * its number of comments.
 */
class ArticlePageQueriesTest {
    /** The threads of the site's background work, whose statements are not the page's. */
    private static final Set<String> BACKGROUND = Set.of("mail-outbox", "webhook-deliveries");

    private TestSite site;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openSite() {
        site = TestSite.serving();
        site.wiring().database().jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                String thread = Thread.currentThread().getName();
                if (!thread.startsWith("dateline-") && !BACKGROUND.contains(thread)) {
                    statements.add(context.getRenderedSql());
                }
            }
        });
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    /** The statements one fresh render of the page runs (the query parameter keeps the page cache out of it). */
    private List<String> statementsFor(String path) {
        site.http().get(path + "?fresh=1");
        statements.clear();
        assertThat(site.http().get(path + "?fresh=1").statusCode()).isEqualTo(200);
        return List.copyOf(statements);
    }

    private Article anArticleWithComments(String headline, int count) {
        Account alice = site.anAuthor("Alice " + headline);
        Account editor = site.wiring().accounts().open(new NewAccount(headline.toLowerCase().replace(' ', '-')
                + "@example.org", "Ed " + headline, Role.EDITOR, null));
        Article article = site.articles().anArticle().headline(headline).by(alice).tagged("Harbours", "Bridges")
                .publishedAt(TestSite.START).article();
        CommentService comments = site.wiring().comments();
        for (int i = 0; i < count; i++) comments.commentAsStaff(article.id(), "Comment number " + i + ".", editor);
        return article;
    }

    @Test
    void an_article_page_runs_the_same_small_number_of_statements_with_2_or_200_comments() {
        List<String> few = statementsFor(anArticleWithComments("Few comments", 2).path());
        List<String> many = statementsFor(anArticleWithComments("Many comments", 200).path());
        assertThat(many).as(String.join("\n", many)).hasSameSizeAs(few);
        assertThat(few.size()).as(String.join("\n", few)).isLessThanOrEqualTo(8);
    }
}
