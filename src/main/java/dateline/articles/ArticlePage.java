package dateline.articles;

import dateline.site.Stamp;
import dateline.web.Frame;
import dateline.web.Head;
import dateline.web.Link;
import dateline.web.Picture;
import gg.jte.Content;
import java.util.List;

/**
 * The article page. {@code typeLabel} is null for plain news; {@code lastUpdated} is null unless the
 * article was significantly updated after publication; {@code section} may be null; {@code historyUrl} leads
 * to the public update history when there is one; {@code featuredImage} may be null; {@code retraction} is set for a retracted article;
 * {@code preview} marks the newsroom's look at an article before it is out; {@code below} is what
 * other features show under it (the comments), already safe HTML rendered in place, or null.
 */
public record ArticlePage(
        Frame frame,
        Head head,
        String headline,
        String typeLabel,
        Link section,
        String standfirst,
        Picture featuredImage,
        List<Link> authors,
        String datelinePlace,
        Stamp published,
        Stamp lastUpdated,
        String bodyHtml,
        List<Link> tags,
        List<UpdateNote> updates,
        String historyUrl,
        Retraction retraction,
        boolean preview,
        Content below) {

    /** The same page with safe HTML shown under the article, such as its comments. */
    public ArticlePage withBelow(Content html) {
        return new ArticlePage(frame, head, headline, typeLabel, section, standfirst, featuredImage, authors,
                datelinePlace, published, lastUpdated, bodyHtml, tags, updates, historyUrl, retraction, preview, html);
    }

    /** Why and when an article was retracted. */
    public record Retraction(String note, Stamp at) {}

    /** A public note under the article. */
    public record UpdateNote(String label, Stamp at, String note) {}
}
