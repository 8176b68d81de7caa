package dateline.feeds;

import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import dateline.articles.ArticleService;
import dateline.articles.FullArticle;
import dateline.comments.Comment;
import dateline.comments.CommentService;
import dateline.site.SiteSettings;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds of approved comments, for the whole site and for each article, newest first. A comment's link is
 * its permanent anchor and its GUID never changes; its author appears by name only, never by email.
 */
final class CommentFeeds {
    static final int SIZE = 50;

    private final CommentService comments;
    private final ArticleService articles;
    private final FeedWriter writer;
    private final FeedIds ids;

    CommentFeeds(CommentService comments, ArticleService articles, FeedWriter writer, FeedIds ids) {
        this.comments = comments;
        this.articles = articles;
        this.writer = writer;
        this.ids = ids;
    }

    FeedWriter.Feed site(FeedFormat format, SiteSettings settings) {
        return write(format, new Channel("Comments on " + settings.title(), "/", "/comments/",
                "The newest comments of readers of " + settings.title() + "."), settings, comments.latestApproved(null, SIZE));
    }

    FeedWriter.Feed article(FeedFormat format, FullArticle full, SiteSettings settings) {
        var a = full.article();
        return write(format, Channel.of("Comments on “" + a.headline() + "”", a.path(),
                        "Readers' comments on “" + a.headline() + "” in " + settings.title() + "."),
                settings, comments.latestApproved(a.id(), SIZE));
    }

    private FeedWriter.Feed write(FeedFormat format, Channel channel, SiteSettings settings, List<Comment> latest) {
        Map<Long, FullArticle> seen = new HashMap<>();
        List<SyndEntry> entries = latest.stream().map(c -> {
            FullArticle full = seen.computeIfAbsent(c.articleId(), id -> articles.full(id).orElseThrow());
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle("By " + c.authorName() + " on “" + full.article().headline() + "”");
            entry.setLink(writer.url(full.article().path() + "#comment-" + c.id()));
            entry.setUri(ids.comment(c.id(), c.createdAt()));
            entry.setPublishedDate(Date.from(c.createdAt()));
            entry.setUpdatedDate(Date.from(c.createdAt()));
            SyndContentImpl content = new SyndContentImpl();
            content.setType("html");
            content.setValue(writer.absolute(c.bodyHtml()));
            if (format == FeedFormat.ATOM) {
                entry.setContents(List.of(content));
                SyndPersonImpl author = new SyndPersonImpl();
                author.setName(c.authorName());
                entry.setAuthors(List.of(author));
            } else {
                entry.setDescription(content);
                DCModuleImpl dublinCore = new DCModuleImpl();
                dublinCore.setCreator(c.authorName());
                entry.getModules().add(dublinCore);
            }
            return entry;
        }).toList();
        Instant lastModified = latest.isEmpty() ? null : latest.get(0).createdAt();
        return writer.write(format, channel, settings.language(), entries, lastModified);
    }
}
