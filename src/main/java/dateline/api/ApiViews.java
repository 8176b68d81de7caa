package dateline.api;

import dateline.accounts.Account;
import dateline.articles.Article;
import dateline.articles.ArticleSummary;
import dateline.articles.BodyFormat;
import dateline.articles.Byline;
import dateline.articles.FullArticle;
import dateline.articles.Section;
import dateline.articles.Tag;
import dateline.comments.Comment;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the API answers, as records written in snake_case, and how they are made from the features' records.
 * Addresses are absolute, from the site's base URL. Nothing here carries an email address or a network
 * address: a comment names its author as readers see them, an author is credited by name and slug.
 * Webhook payloads describe articles and comments with these same fields.
 */
public final class ApiViews {
    /** A section, tag or author as an article refers to it. */
    record Ref(String name, String slug, String url) {}

    record Update(String kind, String note, String at) {}

    record Retraction(String note, String at) {}

    record ArticleView(long id, String slug, String url, String headline, String standfirst, String bodyHtml,
                       String bodyMarkdown, String type, String status, Ref section, List<Ref> tags, List<Ref> authors,
                       String datelinePlace, boolean commentsOpen, boolean pinned, String publishedAt, String updatedAt,
                       int version, List<Update> updates, Retraction retraction) {}

    record ArticleItem(long id, String url, String headline, String standfirst, String type, Ref section,
                       List<Ref> authors, String publishedAt, String updatedAt, boolean pinned) {}

    record CommentView(long id, long articleId, Long parentId, String authorName, String authorWebsite,
                       boolean byStaff, String bodyHtml, String status, String createdAt) {}

    record SectionView(long id, String name, String slug, String description, String url) {}

    record TagView(long id, String name, String slug, String url) {}

    record AuthorView(long id, String name, String slug, String bio, String url) {}

    /** One page of a list; {@code next} is the cursor of the following page, null on the last. */
    record Page<T>(List<T> items, String next) {}

    private final String baseUrl;

    public ApiViews(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The public article's fields as the API answers them, for another document to embed. */
    public Map<String, Object> articleFields(FullArticle full) {
        return ApiJson.fields(article(full, false));
    }

    /** The comment's fields as the API answers them, for another document to embed. */
    public Map<String, Object> commentFields(Comment c) {
        return ApiJson.fields(comment(c));
    }

    /** The article; its Markdown source only for those who may edit it ({@code withSource}). */
    ArticleView article(FullArticle full, boolean withSource) {
        Article a = full.article();
        boolean markdown = withSource && a.bodyFormat() == BodyFormat.MARKDOWN;
        return new ArticleView(a.id(), a.slug(), a.path() == null ? null : baseUrl + a.path(), a.headline(),
                a.standfirst(), a.bodyHtml(), markdown ? a.bodySource() : null, a.type().code(), a.status().code(),
                full.section().map(this::ref).orElse(null), full.tags().stream().map(this::ref).toList(),
                full.bylines().stream().map(this::ref).toList(), a.datelinePlace(), a.commentsOpen(), a.pinned(),
                text(a.publishedAt()), a.publishedAt() == null ? null : text(a.modifiedAt()), a.version(),
                full.updates().stream().map(u -> new Update(u.kind().code(),
                        u.note(), text(u.happenedAt()))).toList(),
                a.retractedAt() == null ? null : new Retraction(a.retractionNote(), text(a.retractedAt())));
    }

    ArticleItem item(ArticleSummary s, Map<Long, Section> sections) {
        Section section = s.sectionId() == null ? null : sections.get(s.sectionId());
        return new ArticleItem(s.id(), s.path() == null ? null : baseUrl + s.path(), s.headline(), s.standfirst(),
                s.type().code(), section == null ? null : ref(section), s.bylines().stream().map(this::ref).toList(),
                text(s.publishedAt()), text(s.modifiedAt()), s.pinned());
    }

    CommentView comment(Comment c) {
        return new CommentView(c.id(), c.articleId(), c.parentId(), c.authorName(),
                c.authorWebsite() == null || c.authorWebsite().isEmpty() ? null : c.authorWebsite(), c.byStaff(),
                c.bodyHtml(), c.status().code(), text(c.createdAt()));
    }

    SectionView section(Section s) {
        return new SectionView(s.id(), s.name(), s.slug(), s.description(), baseUrl + s.path());
    }

    TagView tag(Tag t) {
        return new TagView(t.id(), t.name(), t.slug(), baseUrl + t.path());
    }

    AuthorView author(Account a) {
        return new AuthorView(a.id(), a.name(), a.slug(), a.bio(), baseUrl + "/authors/" + a.slug() + "/");
    }

    private Ref ref(Section s) {
        return new Ref(s.name(), s.slug(), baseUrl + s.path());
    }

    private Ref ref(Tag t) {
        return new Ref(t.name(), t.slug(), baseUrl + t.path());
    }

    private Ref ref(Byline b) {
        return new Ref(b.name(), b.slug(), baseUrl + b.path());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
