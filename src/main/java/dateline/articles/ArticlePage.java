package dateline.articles;

import dateline.site.Stamp;
import dateline.web.Frame;
import dateline.web.Head;
import dateline.web.Link;
import java.util.List;

/**
 * The article page. {@code typeLabel} is null for plain news; {@code lastUpdated} is null unless the
 * article was significantly updated after publication; {@code section} may be null.
 */
public record ArticlePage(
        Frame frame,
        Head head,
        String headline,
        String typeLabel,
        Link section,
        String standfirst,
        List<Link> authors,
        String datelinePlace,
        Stamp published,
        Stamp lastUpdated,
        String bodyHtml,
        List<Link> tags,
        List<UpdateNote> updates,
        boolean retracted) {

    /** A public note under the article. */
    public record UpdateNote(String label, Stamp at, String note) {}
}
