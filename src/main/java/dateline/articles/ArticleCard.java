package dateline.articles;

import dateline.site.Stamp;
import dateline.web.Link;
import java.util.List;

/** An article as a list shows it: headline, standfirst, type, section, bylines and dates. */
public record ArticleCard(
        String url,
        String headline,
        String standfirst,
        String typeLabel,
        Link section,
        List<Link> authors,
        Stamp published,
        Stamp lastUpdated) {}
