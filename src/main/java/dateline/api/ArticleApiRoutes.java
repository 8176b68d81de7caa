package dateline.api;

import dateline.accounts.Account;
import dateline.accounts.AccountService;
import dateline.accounts.Permission;
import dateline.api.ApiTokens.Bearer;
import dateline.articles.Article;
import dateline.articles.ArticleDraft;
import dateline.articles.ArticleFilter;
import dateline.articles.ArticleService;
import dateline.articles.ArticleType;
import dateline.articles.BodyFormat;
import dateline.articles.Byline;
import dateline.articles.Edit;
import dateline.articles.FullArticle;
import dateline.articles.Section;
import dateline.articles.Tag;
import dateline.site.SiteService;
import dateline.web.Cursor;
import dateline.web.PageRequest;
import dateline.web.Paged;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Articles through the API: published ones for anybody, with filters and cursor paging; drafts and Markdown
 * sources for tokens whose account may open them; creating, changing and publishing with a {@code write}
 * token, through {@link ArticleService}, so that the newsroom's rules, workflow and revisions apply alike.
 */
public final class ArticleApiRoutes {
    /** The request attribute holding the version a change was based on, for the message of a conflict. */
    static final String EXPECTED = "dateline.api-expected-version";
    private static final String ARTICLES = ApiRoutes.BASE + "/articles";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /** A new article; only the headline is needed. Authors default to the token's account. */
    record NewArticle(String headline, String slug, String standfirst, String bodyMarkdown, String type, String section,
                      List<String> tags, List<String> authors, String datelinePlace, Boolean commentsOpen) {}

    /** Changes to an article: the version they are based on, and the fields that change; the rest stay. */
    record ArticleChanges(Integer version, String headline, String slug, String standfirst, String bodyMarkdown,
                          String type, String section, List<String> tags, List<String> authors, String datelinePlace,
                          Boolean commentsOpen, EditKind edit) {}

    /** What kind of change to a published article: {@code minor} (the default), {@code update} or {@code correction}. */
    record EditKind(String kind, String note) {}

    record PublishRequest(String at) {}

    private final ArticleService articles;
    private final AccountService accounts;
    private final SiteService site;
    private final ApiViews views;

    public ArticleApiRoutes(ArticleService articles, AccountService accounts, SiteService site, String baseUrl) {
        this.articles = articles;
        this.accounts = accounts;
        this.site = site;
        this.views = new ApiViews(baseUrl);
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.open(ARTICLES, this::list),
                ApiRoute.open(ARTICLES + "/by-slug/{slug}", this::bySlug),
                ApiRoute.open(ARTICLES + "/{id}", this::one),
                ApiRoute.needs(HandlerType.POST, ARTICLES, Scope.WRITE, Permission.WRITE_ARTICLES, this::create),
                ApiRoute.needs(HandlerType.PATCH, ARTICLES + "/{id}", Scope.WRITE, Permission.WRITE_ARTICLES, this::change),
                ApiRoute.needs(HandlerType.POST, ARTICLES + "/{id}/publish", Scope.WRITE,
                        Permission.PUBLISH_OWN_ARTICLES, this::publish));
    }

    private void list(Context ctx) {
        ZoneId zone = site.settings().timezone();
        ArticleFilter filter = new ArticleFilter(
                slugParam(ctx, "section", slug -> articles.sections().stream().filter(s -> s.slug().equals(slug))
                        .findFirst().map(Section::id)),
                slugParam(ctx, "tag", slug -> articles.tagBySlug(slug).map(Tag::id)),
                slugParam(ctx, "author", slug -> accounts.bySlug(slug).map(Account::id)),
                moment(ctx, "since", zone, false), moment(ctx, "until", zone, true));
        Paged<dateline.articles.ArticleSummary> page = articles.published(filter, pageRequest(ctx));
        Map<Long, Section> sections = articles.sections().stream().collect(Collectors.toMap(Section::id, s -> s));
        ApiRoutes.send(ctx, 200, new ApiViews.Page<>(page.items().stream().map(s -> views.item(s, sections)).toList(),
                page.older() == null ? null : page.older().encode()));
    }

    private void bySlug(Context ctx) {
        FullArticle full = articles.publicBySlug(ctx.pathParam("slug"))
                .orElseThrow(() -> ApiError.notFound("There is no published article with this slug."));
        ApiRoutes.send(ctx, 200, views.article(full, editable(ctx, full.article().id()).isPresent()));
    }

    /** A public article for anybody; one that is not out yet only for a token whose account may open it. */
    private void one(Context ctx) {
        long id = ApiRoutes.id(ctx, "id", "article");
        Optional<FullArticle> editable = editable(ctx, id);
        FullArticle full = editable.or(() -> articles.full(id).filter(f -> f.article().status().isPublic()))
                .orElseThrow(() -> ApiError.notFound("There is no article " + id + "."));
        ApiRoutes.send(ctx, 200, views.article(full, editable.isPresent()));
    }

    private void create(Context ctx) {
        Account by = ApiRoutes.requireBearer(ctx).account();
        NewArticle in = ApiRoutes.body(ctx, NewArticle.class);
        ArticleDraft draft = new ArticleDraft(orEmpty(in.headline()), orEmpty(in.slug()), orEmpty(in.standfirst()),
                orEmpty(in.bodyMarkdown()), BodyFormat.MARKDOWN, type(in.type(), ArticleType.NEWS), sectionId(in.section()),
                in.tags() == null ? List.of() : tags(in.tags()),
                in.authors() == null ? List.of(by.id()) : authorIds(in.authors()), orEmpty(in.datelinePlace()),
                in.commentsOpen() == null || in.commentsOpen(), null);
        Article written = articles.write(draft, by);
        ctx.header("Location", ARTICLES + "/" + written.id());
        ApiRoutes.send(ctx, 201, views.article(articles.full(written.id()).orElseThrow(), true));
    }

    private void change(Context ctx) {
        Account by = ApiRoutes.requireBearer(ctx).account();
        long id = ApiRoutes.id(ctx, "id", "article");
        FullArticle current = editable(ctx, id).orElseThrow(() -> ApiError.notFound("There is no article " + id + "."));
        ArticleChanges in = ApiRoutes.body(ctx, ArticleChanges.class);
        if (in.version() == null) {
            throw ApiError.invalidField("version", "Send the version of the article your changes are based on.");
        }
        ctx.attribute(EXPECTED, in.version());
        Article a = current.article();
        boolean newBody = in.bodyMarkdown() != null;
        ArticleDraft draft = new ArticleDraft(
                or(in.headline(), a.headline()), or(in.slug(), a.slug()), or(in.standfirst(), a.standfirst()),
                newBody ? in.bodyMarkdown() : a.bodySource(), newBody ? BodyFormat.MARKDOWN : a.bodyFormat(),
                in.type() == null ? a.type() : type(in.type(), a.type()),
                in.section() == null ? a.sectionId() : sectionId(in.section()),
                in.tags() == null ? current.tags().stream().map(Tag::name).toList() : tags(in.tags()),
                in.authors() == null ? current.bylines().stream().map(Byline::accountId).toList() : authorIds(in.authors()),
                or(in.datelinePlace(), a.datelinePlace()),
                in.commentsOpen() == null ? a.commentsOpen() : in.commentsOpen(), a.featuredMediaId());
        articles.save(id, draft, in.version(), edit(in.edit()), by);
        ApiRoutes.send(ctx, 200, views.article(articles.full(id).orElseThrow(), true));
    }

    private void publish(Context ctx) {
        Account by = ApiRoutes.requireBearer(ctx).account();
        long id = ApiRoutes.id(ctx, "id", "article");
        editable(ctx, id).orElseThrow(() -> ApiError.notFound("There is no article " + id + "."));
        PublishRequest in = ctx.body().isBlank() ? new PublishRequest(null) : ApiRoutes.body(ctx, PublishRequest.class);
        Instant at = null;
        if (in.at() != null) {
            try {
                at = Instant.parse(in.at());
            } catch (DateTimeParseException e) {
                throw ApiError.invalidField("at", "Give the moment as in 2024-06-20T09:38:00Z.");
            }
        }
        articles.publish(id, at, by);
        ApiRoutes.send(ctx, 200, views.article(articles.full(id).orElseThrow(), true));
    }

    /** The article as its editor sees it, when the request's token may read it and its account may open it. */
    private Optional<FullArticle> editable(Context ctx, long id) {
        Optional<Bearer> bearer = ApiRoutes.bearer(ctx).filter(b -> b.has(Scope.READ));
        return bearer.flatMap(b -> articles.forEditing(id, b.account()));
    }

    private static PageRequest pageRequest(Context ctx) {
        String cursor = ctx.queryParam("cursor");
        Cursor after = null;
        if (cursor != null) {
            after = Cursor.parse(cursor).orElseThrow(() -> ApiError.invalidField("cursor",
                    "This cursor is not one the API gave; start from the first page."));
        }
        return new PageRequest(after, null, limit(ctx));
    }

    /** The page size asked for, 1 to {@value #MAX_LIMIT}; {@value #DEFAULT_LIMIT} when not asked. */
    static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null) return DEFAULT_LIMIT;
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) return limit;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.invalidField("limit", "Ask for 1 to " + MAX_LIMIT + " items.");
    }

    private static Long slugParam(Context ctx, String name, Function<String, Optional<Long>> lookup) {
        String slug = ctx.queryParam(name);
        if (slug == null) return null;
        return lookup.apply(slug).orElseThrow(() -> ApiError.invalidField(name, "There is no " + name + " “" + slug + "”."));
    }

    /** A moment or a day (in the site's timezone); {@code until} a day means until the day's end. */
    private static Instant moment(Context ctx, String name, ZoneId zone, boolean endOfDay) {
        String text = ctx.queryParam(name);
        if (text == null) return null;
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).plusDays(endOfDay ? 1 : 0).atStartOfDay(zone).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.invalidField(name, "Give a day as 2024-06-20 or a moment as 2024-06-20T09:38:00Z.");
        }
    }

    private Long sectionId(String slug) {
        if (slug == null || slug.isEmpty()) return null;
        return articles.sections().stream().filter(s -> s.slug().equals(slug)).findFirst().map(Section::id)
                .orElseThrow(() -> ApiError.invalidField("section", "There is no section “" + slug + "”."));
    }

    private List<Long> authorIds(List<String> slugs) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            int index = i;
            ids.add(accounts.bySlug(slug == null ? "" : slug).map(Account::id).orElseThrow(() ->
                    ApiError.invalidField("authors[" + index + "]", "There is no author “" + slug + "”.")));
        }
        return ids;
    }

    private static List<String> tags(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null) throw ApiError.invalidField("tags[" + i + "]", "A tag is a name, not null.");
        }
        return names;
    }

    private static ArticleType type(String code, ArticleType otherwise) {
        if (code == null) return otherwise;
        return ArticleType.ofCode(code).orElseThrow(() -> ApiError.invalidField("type",
                "The type is one of news, analysis, opinion, explainer, feature, interview, review, obituary."));
    }

    private static Edit edit(EditKind edit) {
        if (edit == null || edit.kind() == null || edit.kind().equals("minor")) return Edit.minor();
        return switch (edit.kind()) {
            case "update" -> new Edit.SignificantUpdate(orEmpty(edit.note()));
            case "correction" -> new Edit.Correction(orEmpty(edit.note()));
            default -> throw ApiError.invalidField("edit.kind", "The kind of edit is minor, update or correction.");
        };
    }

    private static String or(String given, String current) {
        return given == null ? current : given;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
