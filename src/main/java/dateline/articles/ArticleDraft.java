package dateline.articles;

import java.util.List;

/**
 * What a writer gives for an article. A blank slug is made from the headline; tags are names, created
 * when they are new; authors are account ids in byline order; comments are open unless said otherwise;
 * the featured image is a media file of the library, or none.
 */
public record ArticleDraft(
        String headline,
        String slug,
        String standfirst,
        String body,
        BodyFormat bodyFormat,
        ArticleType type,
        Long sectionId,
        List<String> tags,
        List<Long> authorIds,
        String datelinePlace,
        boolean commentsOpen,
        Long featuredMediaId) {
    /** The longest headline, standfirst, tag and body an article may have, in characters. */
    public static final int MAX_HEADLINE = 300;
    public static final int MAX_STANDFIRST = 600;
    public static final int MAX_TAG = 60;
    public static final int MAX_BODY = 500_000;

    public ArticleDraft(String headline, String slug, String standfirst, String body, BodyFormat bodyFormat,
                        ArticleType type, Long sectionId, List<String> tags, List<Long> authorIds, String datelinePlace) {
        this(headline, slug, standfirst, body, bodyFormat, type, sectionId, tags, authorIds, datelinePlace, true, null);
    }
}
