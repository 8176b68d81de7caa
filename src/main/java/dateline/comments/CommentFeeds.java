package dateline.comments;

import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dateline.articles.ArticleService;
import dateline.articles.FullArticle;
import dateline.site.SiteService;
import dateline.site.SiteSettings;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RSS 2.0 feeds of approved comments, for the whole site and for each article, newest first. A comment's
 * address in the feed is its permanent anchor; its author appears by name only, never by email.
 */
final class CommentFeeds {
    static final String CONTENT_TYPE = "application/rss+xml; charset=utf-8";
    private static final int SIZE = 50;

    private final CommentService comments;
    private final ArticleService articles;
    private final SiteService site;
    private final String baseUrl;

    CommentFeeds(CommentService comments, ArticleService articles, SiteService site, String baseUrl) {
        this.comments = comments;
        this.articles = articles;
        this.site = site;
        this.baseUrl = baseUrl;
    }

    String site() {
        SiteSettings settings = site.settings();
        return write(feed("Comments on " + settings.title(), baseUrl + "/", "The newest comments of readers of "
                + settings.title() + ".", settings), comments.latestApproved(null, SIZE));
    }

    String article(FullArticle full) {
        SiteSettings settings = site.settings();
        var a = full.article();
        return write(feed("Comments on “" + a.headline() + "”", baseUrl + a.path(),
                "Readers' comments on “" + a.headline() + "” in " + settings.title() + ".", settings),
                comments.latestApproved(a.id(), SIZE));
    }

    private static SyndFeed feed(String title, String link, String description, SiteSettings settings) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle(title);
        feed.setLink(link);
        feed.setDescription(description);
        feed.setLanguage(settings.language());
        return feed;
    }

    private String write(SyndFeed feed, List<Comment> latest) {
        Map<Long, FullArticle> seen = new HashMap<>();
        List<SyndEntry> entries = latest.stream().map(c -> {
            FullArticle full = seen.computeIfAbsent(c.articleId(), id -> articles.full(id).orElseThrow());
            String link = baseUrl + full.article().path() + "#comment-" + c.id();
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle("By " + c.authorName() + " on “" + full.article().headline() + "”");
            entry.setLink(link);
            entry.setUri(link);
            entry.setPublishedDate(Date.from(c.createdAt()));
            SyndContentImpl content = new SyndContentImpl();
            content.setType("text/html");
            content.setValue(c.bodyHtml());
            entry.setDescription(content);
            DCModuleImpl dublinCore = new DCModuleImpl();
            dublinCore.setCreator(c.authorName());
            entry.getModules().add(dublinCore);
            return entry;
        }).toList();
        feed.setEntries(entries);
        if (!latest.isEmpty()) feed.setPublishedDate(Date.from(latest.get(0).createdAt()));
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the comment feed", e);
        }
    }
}
