package dateline.articles;

import dateline.web.Frame;
import dateline.web.Head;
import java.util.List;

/**
 * A list of articles: the front page, a section, a tag or an author. {@code kind} says what the list is
 * ("Section", "Tag", "Author"; null on the front page); the paging links are null at either end. {@code pinned}
 * are the cards above the list, marked "Pinned": on the front page's first page only, else empty.
 */
public record ListingPage(
        Frame frame,
        Head head,
        String kind,
        String heading,
        String intro,
        List<ArticleCard> pinned,
        List<ArticleCard> cards,
        String newerUrl,
        String olderUrl,
        boolean front) {}
