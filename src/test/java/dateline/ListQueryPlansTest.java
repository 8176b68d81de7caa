package dateline;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.ArticleStatus;
import dateline.articles.NewsroomQuery;
import dateline.comments.CommentStatus;
import dateline.testing.TestSite;
import dateline.web.Cursor;
import dateline.web.PageRequest;
import dateline.webhooks.WebhookEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every paged list is read as a range of an index, so that page 5,000 costs what page 1 costs: SQLite's plan
 * for each list's statements, past a cursor both ways, searches the list's index with the cursor as a range of
 * it (a bound on its time column, {@code published_at<?}, where the columns before it are equal; with the cursor
 * spelt "older, or as old with a smaller id" it was a search of the equal columns alone) and sorts nothing. (Plans are the planner's without statistics, as on every site: Dateline never runs
 * {@code ANALYZE} on SQLite.)
 */
class ListQueryPlansTest {
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-zA-Z_][a-zA-Z0-9_]*)");
    private static final Cursor CURSOR = new Cursor(Instant.parse("2024-06-20T07:38:00Z"), 5);

    private TestSite site;
    private Account editor;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openSite() {
        site = TestSite.servicesOnSqlite();
        editor = site.wiring().accounts().open(new NewAccount("edith@example.org", "Edith Editor", Role.ADMINISTRATOR, null));
        site.wiring().database().jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    /** The plans of the paged statements {@code list} runs, one string each: its lines joined. */
    private List<String> plansOf(Runnable list) {
        statements.clear();
        list.run();
        List<String> paged = statements.stream().filter(s -> s.contains("ORDER BY") && s.contains("LIMIT")).toList();
        assertThat(paged).as("the list's paged statements").isNotEmpty();
        return paged.stream().map(this::plan).toList();
    }

    /** SQLite's plan of a statement, every parameter bound to 1: a plan does not depend on the values. */
    private String plan(String sql) {
        return site.wiring().database().jdbi().withHandle(h -> {
            Query query = h.createQuery("EXPLAIN QUERY PLAN " + sql);
            Matcher m = PARAMETER.matcher(sql);
            while (m.find()) query.bind(m.group(1), 1L);
            return query.map((rs, ctx) -> rs.getString("detail")).stream().collect(Collectors.joining(" | "));
        });
    }

    private void readsARangeOf(String index, Runnable list) {
        List<String> plans = plansOf(list);
        assertThat(plans).as("plans of the list by %s", index).allSatisfy(plan -> assertThat(plan)
                .contains("INDEX " + index + " (")
                .containsPattern("INDEX " + index + " \\(.*[<>]")
                .doesNotContain("TEMP B-TREE"));
    }

    @Test
    void the_public_lists_of_articles_past_a_cursor_are_ranges_of_their_indexes() {
        var articles = site.wiring().articles();
        long section = articles.openSection("World", "").id();
        readsARangeOf("articles_by_status_time", () -> articles.latest(new PageRequest(CURSOR, null, 10)));
        readsARangeOf("articles_by_status_time", () -> articles.latest(new PageRequest(null, CURSOR, 10)));
        readsARangeOf("articles_by_section_time", () -> articles.inSection(section, new PageRequest(CURSOR, null, 10)));
        readsARangeOf("article_tags_listed", () -> articles.taggedWith(7, new PageRequest(CURSOR, null, 10)));
        readsARangeOf("article_tags_listed", () -> articles.taggedWith(7, new PageRequest(null, CURSOR, 10)));
        readsARangeOf("article_authors_listed", () -> articles.byAuthor(editor.id(), new PageRequest(CURSOR, null, 10)));
        readsARangeOf("article_updates_by_time", () -> articles.corrections(new PageRequest(CURSOR, null, 10)));
    }

    @Test
    void a_tag_or_an_author_list_starts_from_its_own_index_too() {
        var articles = site.wiring().articles();
        assertThat(plansOf(() -> articles.taggedWith(7, PageRequest.first(10)))).singleElement().asString()
                .startsWith("SEARCH s USING COVERING INDEX article_tags_listed (tag_id=?").doesNotContain("TEMP B-TREE");
        assertThat(plansOf(() -> articles.byAuthor(editor.id(), PageRequest.first(10)))).singleElement().asString()
                .startsWith("SEARCH s USING COVERING INDEX article_authors_listed (account_id=?").doesNotContain("TEMP B-TREE");
    }

    @Test
    void the_newsrooms_lists_past_a_cursor_are_ranges_of_their_indexes() {
        readsARangeOf("articles_by_status_edit_time", () -> site.wiring().articles().forNewsroom(
                new NewsroomQuery(ArticleStatus.DRAFT, null, null, null, null), CURSOR, 20, editor));
        readsARangeOf("media_by_time", () -> site.wiring().media().library(new PageRequest(CURSOR, null, 10)));
        readsARangeOf("media_by_time", () -> site.wiring().media().library(new PageRequest(null, CURSOR, 10)));
        readsARangeOf("comments_by_status", () -> site.wiring().comments().queue(CommentStatus.PENDING, null, CURSOR, 20, editor));
        long hook = site.wiring().webhooks().add("https://hooks.example.org/dateline", Set.of(WebhookEvent.values()[0]), editor).id();
        readsARangeOf("webhook_deliveries_by_webhook", () -> site.wiring().webhooks().deliveries(hook, new PageRequest(CURSOR, null, 10)));
        readsARangeOf("webhook_deliveries_by_webhook", () -> site.wiring().webhooks().deliveries(hook, new PageRequest(null, CURSOR, 10)));
    }
}
