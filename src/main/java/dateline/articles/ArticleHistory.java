package dateline.articles;

import java.util.List;

/** An article's public record of significant updates and corrections, each with what changed in the text. */
public record ArticleHistory(FullArticle article, List<Entry> entries) {
    public record Entry(ArticleUpdate update, List<FieldDiff> changes) {}
}
