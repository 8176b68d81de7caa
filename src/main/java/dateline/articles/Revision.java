package dateline.articles;

import java.time.Instant;
import java.util.List;

/** An article as one save left it, whole. {@code kind} says what made it: a save, an autosave, a restore. */
public record Revision(
        long id,
        long articleId,
        String kind,
        String headline,
        String slug,
        String standfirst,
        BodyFormat bodyFormat,
        String bodySource,
        ArticleType type,
        Long sectionId,
        String datelinePlace,
        List<String> tags,
        List<Long> authorIds,
        Long savedBy,
        String savedByName,
        Instant savedAt,
        Long featuredMediaId) {

    public ArticleDraft toDraft(boolean commentsOpen) {
        return new ArticleDraft(headline, slug, standfirst, bodySource, bodyFormat, type, sectionId, tags, authorIds,
                datelinePlace, commentsOpen, featuredMediaId);
    }
}
