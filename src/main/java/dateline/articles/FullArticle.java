package dateline.articles;

import java.util.List;
import java.util.Optional;

/** An article with everything its page shows: authors in order, section, tags and public update notes. */
public record FullArticle(
        Article article, List<Byline> bylines, Optional<Section> section, List<Tag> tags, List<ArticleUpdate> updates) {}
