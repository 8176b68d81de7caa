package dateline.articles;

import dateline.site.Stamp;
import dateline.web.Link;
import dateline.web.Picture;
import java.util.List;

/** An article as a list shows it: headline, standfirst, type, section, bylines, dates and its image, if any. */
public record ArticleCard(
        String url,
        String headline,
        String standfirst,
        String typeLabel,
        Link section,
        List<Link> authors,
        Stamp published,
        Stamp lastUpdated,
        Picture image) {}
