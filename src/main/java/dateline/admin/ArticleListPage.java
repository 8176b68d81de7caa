package dateline.admin;

import dateline.accounts.Account;
import dateline.articles.ArticleStatus;
import dateline.articles.Section;
import java.util.List;

/**
 * The newsroom's list of articles, with its filters as chosen: newest first, or, when {@code ranked}
 * (words were given to search for), best match first. {@code problem} says why a search could not be run.
 */
public record ArticleListPage(AdminFrame frame, String status, String section, String author, String text,
                              List<ArticleRow> rows, String olderUrl, List<ArticleStatus> statuses,
                              List<Section> sections, List<Account> people, boolean filtered, String newerUrl,
                              String problem, boolean ranked) {}
