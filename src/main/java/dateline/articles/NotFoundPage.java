package dateline.articles;

import dateline.web.Frame;
import dateline.web.Head;
import dateline.web.Link;
import java.util.List;

/** The page for an address that leads nowhere: where to go instead. */
public record NotFoundPage(Frame frame, Head head, List<ArticleCard> latest, List<Link> sections) {}
