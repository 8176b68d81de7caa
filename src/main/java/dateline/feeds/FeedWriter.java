package dateline.feeds;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Writes a feed with Rome, in either format, around entries made by {@link ArticleFeeds} or
 * {@link CommentFeeds}: the channel, its links (the page it follows, and itself, which Atom needs for its
 * id) and the time it last changed.
 */
final class FeedWriter {
    private static final Pattern SRCSET_ENTRY = Pattern.compile("\\s*,\\s*");

    private final String baseUrl;

    FeedWriter(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A written feed, and the moment its newest entry last changed (null for an empty feed). */
    record Feed(String xml, Instant lastModified) {}

    Feed write(FeedFormat format, Channel channel, String language, List<SyndEntry> entries, Instant lastModified) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType());
        String self = baseUrl + format.pathFor(channel.feedBase());
        feed.setTitle(channel.title());
        feed.setLink(baseUrl + channel.pagePath());
        feed.setUri(self);
        feed.setLinks(List.of(link("alternate", baseUrl + channel.pagePath(), "text/html"),
                link("self", self, format == FeedFormat.RSS ? "application/rss+xml" : "application/atom+xml")));
        feed.setDescription(channel.description());
        feed.setLanguage(language);
        feed.setGenerator("Dateline");
        if (lastModified != null) feed.setPublishedDate(Date.from(lastModified));
        feed.setEntries(entries);
        try {
            return new Feed(new SyndFeedOutput().outputString(feed), lastModified);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the feed " + self, e);
        }
    }

    /**
     * The HTML with every address in it made absolute: a feed reader shows it away from the site, where
     * {@code /media/…} would lead nowhere.
     */
    String absolute(String html) {
        Document document = Jsoup.parseBodyFragment(html, baseUrl + "/");
        document.outputSettings().prettyPrint(false);
        for (Element e : document.select("[href]")) e.attr("href", e.absUrl("href"));
        for (Element e : document.select("[src]")) e.attr("src", e.absUrl("src"));
        for (Element e : document.select("[srcset]")) {
            StringBuilder srcset = new StringBuilder();
            for (String candidate : SRCSET_ENTRY.split(e.attr("srcset").strip())) {
                if (candidate.isEmpty()) continue;
                if (srcset.length() > 0) srcset.append(", ");
                srcset.append(candidate.startsWith("/") && !candidate.startsWith("//") ? baseUrl + candidate : candidate);
            }
            e.attr("srcset", srcset.toString());
        }
        return document.body().html();
    }

    String url(String path) {
        return baseUrl + path;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
