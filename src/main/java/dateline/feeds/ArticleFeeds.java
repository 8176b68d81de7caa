package dateline.feeds;

import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import dateline.articles.Article;
import dateline.articles.ArticleService;
import dateline.articles.ArticleSummary;
import dateline.articles.FullArticle;
import dateline.markup.Excerpts;
import dateline.media.MediaFile;
import dateline.media.MediaService;
import dateline.site.DiscoverySettings;
import dateline.site.DiscoverySettings.FeedContent;
import dateline.site.SiteSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Feeds of published articles. Each entry carries the article's GUID, its link, its publication and last
 * significant update, its authors by name and page (never an email address), its section and tags as
 * categories, its featured image as an enclosure, its summary, and, when the site's setting says so, its
 * whole text with every address made absolute.
 */
final class ArticleFeeds {
    private static final int SUMMARY_LENGTH = 300;

    private final ArticleService articles;
    private final MediaService media;
    private final FeedWriter writer;
    private final FeedIds ids;

    ArticleFeeds(ArticleService articles, MediaService media, FeedWriter writer, FeedIds ids) {
        this.articles = articles;
        this.media = media;
        this.writer = writer;
        this.ids = ids;
    }

    FeedWriter.Feed write(FeedFormat format, Channel channel, List<ArticleSummary> latest, SiteSettings settings,
                          DiscoverySettings discovery) {
        List<FullArticle> full = articles.fullArticles(latest.stream().map(ArticleSummary::id).toList());
        Map<Long, MediaFile> images = media.byIds(full.stream().map(f -> f.article().featuredMediaId())
                        .filter(Objects::nonNull).distinct().toList())
                .stream().collect(Collectors.toMap(MediaFile::id, Function.identity()));
        List<SyndEntry> entries = new ArrayList<>();
        for (FullArticle f : full) {
            Long imageId = f.article().featuredMediaId();
            entries.add(entry(format, f, imageId == null ? null : images.get(imageId), discovery.feedContent()));
        }
        Instant lastModified = full.stream().map(f -> f.article().modifiedAt()).max(Instant::compareTo).orElse(null);
        return writer.write(format, channel, settings.language(), entries, lastModified);
    }

    private SyndEntry entry(FeedFormat format, FullArticle full, MediaFile image, FeedContent content) {
        Article a = full.article();
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(a.headline());
        entry.setLink(writer.url(a.path()));
        entry.setUri(ids.article(a.id(), a.createdAt()));
        entry.setPublishedDate(Date.from(a.publishedAt()));
        entry.setUpdatedDate(Date.from(a.modifiedAt()));
        List<SyndPerson> authors = full.bylines().stream().map(b -> {
            SyndPerson person = new SyndPersonImpl();
            person.setName(b.name());
            person.setUri(writer.url(b.path()));
            return person;
        }).toList();
        if (format == FeedFormat.ATOM) {
            entry.setAuthors(authors);
        } else if (!authors.isEmpty()) {
            // RSS's own <author> holds an email address; names go in Dublin Core's creator instead
            DCModuleImpl dublinCore = new DCModuleImpl();
            dublinCore.setCreators(authors.stream().map(SyndPerson::getName).toList());
            entry.getModules().add(dublinCore);
        }
        List<SyndCategory> categories = new ArrayList<>();
        full.section().ifPresent(s -> categories.add(category(s.name(), writer.url(s.path()))));
        full.tags().forEach(t -> categories.add(category(t.name(), writer.url(t.path()))));
        entry.setCategories(categories);
        entry.setDescription(text("text/plain", summaryOf(a)));
        if (content == FeedContent.FULL) {
            String body = image == null ? a.bodyHtml()
                    : "<figure><img src=\"" + image.urlFor(960) + "\" alt=\"" + attribute(image.altText()) + "\" width=\""
                    + image.width() + "\" height=\"" + image.height() + "\"></figure>" + a.bodyHtml();
            entry.setContents(List.of(text("html", writer.absolute(body))));
        }
        if (image != null) {
            SyndEnclosure enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(writer.url(image.url()));
            enclosure.setType(image.contentType());
            enclosure.setLength(image.byteSize());
            entry.setEnclosures(List.of(enclosure));
        }
        return entry;
    }

    private String summaryOf(Article a) {
        return !a.standfirst().isEmpty() ? a.standfirst() : Excerpts.of(articles.plainText(a), SUMMARY_LENGTH);
    }

    private static SyndCategory category(String name, String scheme) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(name);
        category.setTaxonomyUri(scheme);
        return category;
    }

    private static SyndContent text(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
