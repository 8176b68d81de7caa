package dateline.admin;

import dateline.accounts.Account;
import dateline.articles.ArticleStatus;
import dateline.articles.Section;
import java.util.List;

/** The newsroom's list of articles, with its filters as chosen. */
public record ArticleListPage(AdminFrame frame, String status, String section, String author, String text,
                              List<ArticleRow> rows, String olderUrl, List<ArticleStatus> statuses,
                              List<Section> sections, List<Account> people, boolean filtered) {}
