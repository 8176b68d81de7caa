package dateline.admin;

import dateline.accounts.Account;
import dateline.accounts.AccountService;
import dateline.accounts.Permission;
import dateline.accounts.SignedIn;
import dateline.articles.Article;
import dateline.articles.ArticleChanged;
import dateline.articles.ArticlePage;
import dateline.articles.ArticleRules;
import dateline.articles.ArticleService;
import dateline.articles.ArticleStatus;
import dateline.articles.ArticleSummary;
import dateline.articles.ArticleType;
import dateline.articles.ArticleViews;
import dateline.articles.BodyFormat;
import dateline.articles.Byline;
import dateline.articles.Edit;
import dateline.articles.FieldDiff;
import dateline.articles.FullArticle;
import dateline.articles.NewsroomQuery;
import dateline.articles.Revision;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.markup.Markdown;
import dateline.markup.WordDiff;
import dateline.search.Found;
import dateline.search.SearchService;
import dateline.media.MediaFile;
import dateline.media.MediaService;
import dateline.site.SiteService;
import dateline.site.SiteSettings;
import dateline.site.SiteTime;
import dateline.web.Cursor;
import dateline.web.InvalidInput;
import dateline.web.Json;
import dateline.web.Paged;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newsroom's article desk: the list of articles, the editor with its live preview and autosave, the
 * publishing workflow (submit, schedule, publish, update, correct, retract), and revisions.
 */
public final class ArticleDeskRoutes {
    private static final int LIST_SIZE = 30;
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("saved", "Saved."),
            Map.entry("submitted", "Submitted for review. An editor will look at it."),
            Map.entry("published", "Published."),
            Map.entry("scheduled", "Scheduled. It will be published at the time you chose."),
            Map.entry("unscheduled", "Taken off the schedule; it is a draft again."),
            Map.entry("updated", "Updated. Readers see the update note and the new “Last Updated” time."),
            Map.entry("corrected", "Corrected. Readers see the correction at the end of the article."),
            Map.entry("retracted", "Retracted. The page stays, marked, and lists no longer show it."),
            Map.entry("restored", "The revision is restored."),
            Map.entry("pinned", "Pinned to the front page: readers see it at the top while it is published."),
            Map.entry("unpinned", "Taken off the top of the front page; it stays among the latest articles by its date."));

    private final ArticleService articles;
    private final AccountService accounts;
    private final SiteService site;
    private final ArticleViews views;
    private final MediaService media;
    private final CommentService comments;
    private final Markdown markdown;
    private final Newsroom newsroom;
    private final SearchService search;
    private final Clock clock;

    public ArticleDeskRoutes(ArticleService articles, AccountService accounts, SiteService site, MediaService media,
                             CommentService comments, ArticleViews views, Markdown markdown, Newsroom newsroom,
                             SearchService search, Clock clock) {
        this.search = search;
        this.comments = comments;
        this.articles = articles;
        this.accounts = accounts;
        this.site = site;
        this.media = media;
        this.views = views;
        this.markdown = markdown;
        this.newsroom = newsroom;
        this.clock = clock;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/admin", Permission.ENTER_NEWSROOM, this::dashboard),
                AdminRoute.get("/admin/articles", Permission.WRITE_ARTICLES, this::list),
                AdminRoute.get("/admin/articles/new", Permission.WRITE_ARTICLES, this::blankEditor),
                AdminRoute.post("/admin/articles", Permission.WRITE_ARTICLES, this::create),
                AdminRoute.post("/admin/articles/autosave", Permission.WRITE_ARTICLES, this::autosave),
                AdminRoute.post("/admin/preview", Permission.WRITE_ARTICLES, this::previewFragment),
                AdminRoute.get("/admin/articles/{id}", Permission.WRITE_ARTICLES, this::editor),
                AdminRoute.post("/admin/articles/{id}", Permission.WRITE_ARTICLES, this::save),
                AdminRoute.get("/admin/articles/{id}/preview", Permission.WRITE_ARTICLES, this::preview),
                AdminRoute.post("/admin/articles/{id}/retract", Permission.RETRACT_ARTICLES, this::retract),
                AdminRoute.post("/admin/articles/{id}/pin", Permission.PIN_ARTICLES, this::pin),
                AdminRoute.get("/admin/articles/{id}/revisions", Permission.WRITE_ARTICLES, this::revisions),
                AdminRoute.post("/admin/articles/{id}/revisions/{revision}/restore", Permission.WRITE_ARTICLES, this::restore));
    }

    // ---- dashboard and list

    private void dashboard(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        Account me = member.account();
        Map<ArticleStatus, Long> counts = articles.counts(me);
        SiteSettings settings = site.settings();
        boolean everybody = member.can(Permission.EDIT_OTHERS_ARTICLES);
        List<ArticleRow> pending = everybody ? rows(articles.forNewsroom(
                new NewsroomQuery(ArticleStatus.PENDING, null, null, null, null), null, 10, me).items(), settings) : List.of();
        List<ArticleRow> scheduled = rows(articles.forNewsroom(
                new NewsroomQuery(ArticleStatus.SCHEDULED, null, null, null, null), null, 10, me).items(), settings);
        List<ArticleRow> recent = rows(articles.forNewsroom(
                new NewsroomQuery(null, null, everybody ? null : me.id(), null, null), null, 10, me).items(), settings);
        newsroom.render(ctx, HttpStatus.OK, "admin/dashboard.jte", new DashboardPage(newsroom.frame(ctx),
                me.name().split(" ")[0], counts.get(ArticleStatus.DRAFT), counts.get(ArticleStatus.PENDING),
                counts.get(ArticleStatus.SCHEDULED), counts.get(ArticleStatus.PUBLISHED),
                member.can(Permission.MODERATE_COMMENTS) ? comments.counts().get(CommentStatus.PENDING) : null,
                pending, scheduled, recent, everybody));
    }

    private void list(Context ctx) {
        String status = query(ctx, "status");
        String section = query(ctx, "section");
        String author = query(ctx, "author");
        String text = query(ctx, "q");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", status);
        params.put("section", section);
        params.put("author", author);
        params.put("q", text);
        NewsroomQuery query = new NewsroomQuery(ArticleStatus.named(status).orElse(null), Ids.of(section),
                Ids.of(author), null, null);
        ArticleList list = text.isBlank() ? newestFirst(ctx, query, params) : bestFirst(ctx, query, text, params);
        newsroom.render(ctx, HttpStatus.OK, "admin/articles.jte", new ArticleListPage(newsroom.frame(ctx), status, section,
                author, text, rows(list.summaries(), site.settings()), list.olderUrl(), Arrays.asList(ArticleStatus.values()),
                articles.sections(), accounts.all(),
                !(status.isEmpty() && section.isEmpty() && author.isEmpty() && text.isEmpty()),
                list.newerUrl(), list.problem(), !text.isBlank()));
    }

    /** One page of the list, and the links to the pages on either side; a search that cannot be run says why. */
    private record ArticleList(List<ArticleSummary> summaries, String newerUrl, String olderUrl, String problem) {}

    /** Without words to look for, the list is newest first, paged by keyset. */
    private ArticleList newestFirst(Context ctx, NewsroomQuery query, Map<String, String> params) {
        Cursor before = Cursor.parse(ctx.queryParam("before")).orElse(null);
        Paged<ArticleSummary> page = articles.forNewsroom(query, before, LIST_SIZE, Newsroom.member(ctx).account());
        return new ArticleList(page.items(), null, page.older() == null ? null : listUrl(params, "before", page.older().encode()), null);
    }

    /** With words to look for, the list is the search's, best match first, paged by number. */
    private ArticleList bestFirst(Context ctx, NewsroomQuery query, String text, Map<String, String> params) {
        int number = dateline.search.SearchForm.pageOf(ctx.queryParam("page"));
        try {
            Found found = search.forNewsroom(text, query.status(), query.sectionId(), query.authorId(),
                    Newsroom.member(ctx).account(), number, LIST_SIZE);
            return new ArticleList(found.results().stream().map(Found.Result::summary).toList(),
                    found.page() > 1 ? listUrl(params, "page", Integer.toString(found.page() - 1)) : null,
                    found.hasNext() ? listUrl(params, "page", Integer.toString(found.page() + 1)) : null, null);
        } catch (InvalidInput refused) {
            return new ArticleList(List.of(), null, null, refused.problems().get("q"));
        }
    }

    private static String listUrl(Map<String, String> params, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put(name, value);
        return "/admin/articles?" + String.join("&", all.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .toList());
    }

    private List<ArticleRow> rows(List<ArticleSummary> summaries, SiteSettings settings) {
        SiteTime time = settings.time();
        Map<Long, String> sectionNames = new LinkedHashMap<>();
        articles.sections().forEach(s -> sectionNames.put(s.id(), s.name()));
        return summaries.stream().map(s -> new ArticleRow(s.id(), s.headline(), s.status().code(), s.status().label(),
                String.join(", ", s.bylines().stream().map(Byline::name).toList()),
                s.sectionId() == null ? "" : sectionNames.getOrDefault(s.sectionId(), ""),
                time.dateAndTime(s.editedAt()),
                s.publishedAt() == null ? null : time.dateAndTime(s.publishedAt()),
                s.status().isPublic() ? s.path() : null, s.pinned())).toList();
    }

    // ---- the editor

    private void blankEditor(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        EditorForm form = EditorForm.blank(member.account().id(), site.settings().commentsOpenByDefault());
        renderEditor(ctx, HttpStatus.OK, null, form, Map.of(), null, null);
    }

    private void editor(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        FullArticle full = editable(ctx, member);
        long id = full.article().id();
        EditorForm form = EditorForm.of(full, authorIds(full), altOf(full.article().featuredMediaId()));
        Optional<Revision> autosaved = articles.pendingAutosave(id, member.account());
        if ("autosave".equals(ctx.queryParam("restore")) && autosaved.isPresent()) {
            form = EditorForm.of(autosaved.get(), full.article().commentsOpen(), altOf(autosaved.get().featuredMediaId()));
            autosaved = Optional.empty();
        }
        if (full.article().status() == ArticleStatus.SCHEDULED) {
            form = form.withPublishAt(LOCAL_INPUT.format(full.article().publishedAt().atZone(site.settings().timezone())));
        }
        EditorPage.Autosaved offer = autosaved.map(r -> new EditorPage.Autosaved(
                site.settings().time().dateAndTime(r.savedAt()).text(), r.id())).orElse(null);
        String done = ctx.queryParam("done");
        // Map.of refuses a null key: without ?done= there is simply no notice.
        renderEditor(ctx, HttpStatus.OK, full, form, Map.of(), done == null ? null : NOTICES.get(done), null, offer);
    }

    private void create(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        EditorForm form = formOf(ctx);
        Article created;
        try {
            form = withUploadedImage(ctx, member, form);
            created = articles.write(form.toDraft(BodyFormat.MARKDOWN), member.account());
            describeFeatured(member, form);
        } catch (InvalidInput e) {
            renderEditor(ctx, HttpStatus.UNPROCESSABLE_CONTENT, null, form, e.problems(), null, null);
            return;
        }
        afterSave(ctx, member, created, form);
    }

    private void save(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        FullArticle full = editable(ctx, member);
        EditorForm form = formOf(ctx);
        Edit edit = switch (form.edit()) {
            case "update" -> new Edit.SignificantUpdate(form.note());
            case "correction" -> new Edit.Correction(form.note());
            default -> Edit.minor();
        };
        int version = (int) Optional.ofNullable(Ids.of(ctx.formParam("version"))).orElse(-1L).longValue();
        Article saved;
        try {
            form = withUploadedImage(ctx, member, form);
            BodyFormat format = full.article().bodyFormat();
            saved = articles.save(full.article().id(), form.toDraft(format), version, edit, member.account());
            describeFeatured(member, form);
        } catch (InvalidInput e) {
            renderEditor(ctx, HttpStatus.UNPROCESSABLE_CONTENT, full, form, e.problems(), null, null);
            return;
        } catch (ArticleChanged e) {
            renderEditor(ctx, HttpStatus.CONFLICT, e.current(), form, Map.of(), null, conflict(e.current(), form));
            return;
        }
        afterSave(ctx, member, saved, form);
    }

    /** What the save button asked for besides saving: submitting, publishing, scheduling or unscheduling. */
    private void afterSave(Context ctx, SignedIn member, Article saved, EditorForm form) {
        String action = String.valueOf(ctx.formParam("action"));
        String done = "saved";
        try {
            switch (action) {
                case "submit" -> {
                    articles.submitForReview(saved.id(), member.account());
                    done = "submitted";
                }
                case "publish" -> {
                    Article result = articles.publish(saved.id(), publishAt(form.publishAt()), member.account());
                    done = result.status() == ArticleStatus.SCHEDULED ? "scheduled" : "published";
                }
                case "unschedule" -> {
                    articles.unschedule(saved.id(), member.account());
                    done = "unscheduled";
                }
                default -> {
                    if (saved.status().isPublic() && form.edit().equals("update")) done = "updated";
                    if (saved.status().isPublic() && form.edit().equals("correction")) done = "corrected";
                }
            }
        } catch (InvalidInput e) {
            FullArticle full = articles.full(saved.id()).orElseThrow();
            EditorForm kept = form.asMinorEdit();
            renderEditor(ctx, HttpStatus.UNPROCESSABLE_CONTENT, full, kept, e.problems(),
                    "Your changes are saved, but the article could not go further:", null);
            return;
        }
        ctx.redirect("/admin/articles/" + saved.id() + "?done=" + done, HttpStatus.SEE_OTHER);
    }

    private void autosave(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        Long id = Ids.of(ctx.formParam("id"));
        EditorForm form = formOf(ctx);
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            BodyFormat format = id == null ? BodyFormat.MARKDOWN
                    : articles.forEditing(id, member.account()).map(f -> f.article().bodyFormat()).orElse(BodyFormat.MARKDOWN);
            Article article = articles.autosave(id, form.toDraft(format), member.account());
            answer.put("id", article.id());
            answer.put("version", article.version());
            answer.put("editUrl", "/admin/articles/" + article.id());
            answer.put("savedAt", site.settings().time().dateAndTime(clock.instant()).text());
            ctx.status(HttpStatus.OK);
        } catch (InvalidInput e) {
            answer.put("problems", e.problems());
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        ctx.contentType("application/json");
        ctx.result(Json.write(answer));
    }

    /**
     * The body as readers will see it, rendered by the same renderer as the public page: the live preview of
     * the article editor and of the page editor. {@code body_format} is "html" for a body written in HTML,
     * else the body is Markdown.
     */
    private void previewFragment(Context ctx) {
        BodyFormat format = BodyFormat.named(ctx.formParam("body_format")).orElse(BodyFormat.MARKDOWN);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(format.toSafeHtml(ctx.formParam("body"), markdown));
    }

    /** The whole article page as readers will see it, before it is out. */
    private void preview(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        FullArticle full = editable(ctx, member);
        ArticlePage page = views.previewPage(full, site.settings(), articles.sections(), clock.instant());
        newsroom.render(ctx, HttpStatus.OK, "articles/article.jte", page);
    }

    private void retract(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        FullArticle full = editable(ctx, member);
        try {
            articles.retract(full.article().id(), ctx.formParam("retraction_note"), member.account());
        } catch (InvalidInput e) {
            renderEditor(ctx, HttpStatus.UNPROCESSABLE_CONTENT, full,
                    EditorForm.of(full, authorIds(full), altOf(full.article().featuredMediaId())), e.problems(), null, null);
            return;
        }
        ctx.redirect("/admin/articles/" + full.article().id() + "?done=retracted", HttpStatus.SEE_OTHER);
    }

    /** Pins the article to the front page when the form says {@code pinned=yes}, else takes it off. */
    private void pin(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        FullArticle full = editable(ctx, member);
        boolean pinned = "yes".equals(ctx.formParam("pinned"));
        try {
            if (pinned) articles.pin(full.article().id(), member.account());
            else articles.unpin(full.article().id(), member.account());
        } catch (InvalidInput e) {
            renderEditor(ctx, HttpStatus.UNPROCESSABLE_CONTENT, full,
                    EditorForm.of(full, authorIds(full), altOf(full.article().featuredMediaId())), e.problems(), null, null);
            return;
        }
        ctx.redirect("/admin/articles/" + full.article().id() + "?done=" + (pinned ? "pinned" : "unpinned"),
                HttpStatus.SEE_OTHER);
    }

    // ---- revisions

    private void revisions(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        FullArticle full = editable(ctx, member);
        List<Revision> all = articles.revisions(full.article().id(), member.account());
        SiteTime time = site.settings().time();
        Long from = Ids.of(ctx.queryParam("from"));
        Long to = Ids.of(ctx.queryParam("to"));
        List<FieldDiff> differences = List.of();
        Optional<Revision> a = all.stream().filter(r -> from != null && r.id() == from).findFirst();
        Optional<Revision> b = all.stream().filter(r -> to != null && r.id() == to).findFirst();
        if (a.isPresent() && b.isPresent()) differences = articles.compare(a.get(), b.get());
        List<RevisionsPage.Row> rows = all.stream().map(r -> new RevisionsPage.Row(r.id(), kindLabel(r.kind()),
                r.savedByName() == null ? "—" : r.savedByName(), time.dateAndTime(r.savedAt()), r.headline())).toList();
        newsroom.render(ctx, HttpStatus.OK, "admin/revisions.jte", new RevisionsPage(newsroom.frame(ctx),
                full.article().id(), full.article().headline(), full.article().version(), rows,
                a.map(Revision::id).orElse(null), b.map(Revision::id).orElse(null), differences,
                ArticleRules.canEdit(member.account(), full.article().status(), authorIds(full))));
    }

    private void restore(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        FullArticle full = editable(ctx, member);
        Long revision = Ids.of(ctx.pathParam("revision"));
        int version = (int) Optional.ofNullable(Ids.of(ctx.formParam("version"))).orElse(-1L).longValue();
        try {
            articles.restore(full.article().id(), revision == null ? -1 : revision, version, member.account());
        } catch (ArticleChanged e) {
            ctx.redirect("/admin/articles/" + full.article().id() + "/revisions", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect("/admin/articles/" + full.article().id() + "?done=restored", HttpStatus.SEE_OTHER);
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "autosave" -> "Autosave";
            case "restore" -> "Restored";
            default -> "Saved";
        };
    }

    // ---- shared

    private FullArticle editable(Context ctx, SignedIn member) {
        Long id = Ids.of(ctx.pathParam("id"));
        if (id == null) throw new NotFoundResponse();
        return articles.forEditing(id, member.account()).orElseThrow(NotFoundResponse::new);
    }

    private void renderEditor(Context ctx, HttpStatus status, FullArticle full, EditorForm form,
                              Map<String, String> problems, String notice, EditorPage.Conflict conflict) {
        renderEditor(ctx, status, full, form, problems, notice, conflict, null);
    }

    private void renderEditor(Context ctx, HttpStatus status, FullArticle full, EditorForm form,
                              Map<String, String> problems, String notice, EditorPage.Conflict conflict,
                              EditorPage.Autosaved autosaved) {
        Account me = Newsroom.member(ctx).account();
        SiteSettings settings = site.settings();
        Article a = full == null ? null : full.article();
        List<Long> authors = full == null ? List.of(me.id()) : authorIds(full);
        boolean canPublish = ArticleRules.canPublish(me, authors);
        String scheduledFor = a != null && a.status() == ArticleStatus.SCHEDULED
                ? settings.time().dateAndTime(a.publishedAt()).text() : null;
        List<ArticlePage.UpdateNote> updates = full == null ? List.of() : full.updates().stream()
                .map(u -> new ArticlePage.UpdateNote(u.kind().name().equals("CORRECTION") ? "Correction" : "Update",
                        settings.time().dateAndTime(u.happenedAt()), u.note())).toList();
        Long featuredId = form.featuredMediaId();
        var featured = featuredId == null ? null : media.byId(featuredId)
                .map(m -> new dateline.web.Picture(m.urlFor(480), m.srcset(), m.altText(), m.width(), m.height())).orElse(null);
        List<EditorPage.MediaChoice> library = media.library(dateline.web.PageRequest.first(60)).items().stream()
                .map(m -> new EditorPage.MediaChoice(m.id(), m.originalName() + " (" + m.width() + "×" + m.height() + ")"))
                .toList();
        EditorPage page = new EditorPage(newsroom.frame(ctx), a == null ? null : a.id(), a == null ? null : a.version(),
                a == null ? null : a.status(), form, problems, notice, articles.sections(), accounts.all(),
                Arrays.asList(ArticleType.values()),
                (a == null ? BodyFormat.MARKDOWN : a.bodyFormat()).toSafeHtml(form.body(), markdown),
                (a == null ? BodyFormat.MARKDOWN : a.bodyFormat()).code(),
                a != null && a.status().isPublic() ? a.path() : null, settings.timezone().getId(), canPublish,
                ArticleRules.canRetract(me) && a != null && a.status() == ArticleStatus.PUBLISHED, scheduledFor, updates,
                conflict, autosaved, featured, library, me.role().can(Permission.UPLOAD_MEDIA),
                settings.uploadLimitMegabytes(),
                a != null && ArticleRules.canPin(me) ? new EditorPage.Pin(a.pinned(), a.status() == ArticleStatus.RETRACTED) : null);
        newsroom.render(ctx, status, "admin/editor.jte", page);
    }

    private EditorPage.Conflict conflict(FullArticle current, EditorForm typed) {
        Article a = current.article();
        List<FieldDiff> differences = new ArrayList<>(List.of(
                new FieldDiff("Headline", WordDiff.between(a.headline(), typed.headline())),
                new FieldDiff("Standfirst", WordDiff.between(a.standfirst(), typed.standfirst())),
                new FieldDiff("Body", WordDiff.aroundChanges(WordDiff.between(a.bodySource(), typed.body()), 15))));
        differences.removeIf(d -> !d.changed());
        return new EditorPage.Conflict(site.settings().time().dateAndTime(a.editedAt()).text(), differences);
    }

    private static List<Long> authorIds(FullArticle full) {
        return full.bylines().stream().map(Byline::accountId).toList();
    }

    private static EditorForm formOf(Context ctx) {
        List<String> authors = new ArrayList<>(ctx.formParams("authors"));
        return new EditorForm(form(ctx, "headline"), form(ctx, "slug"), form(ctx, "standfirst"),
                ctx.formParam("body") == null ? "" : ctx.formParam("body"), form(ctx, "type"), form(ctx, "section"),
                form(ctx, "tags"), authors, form(ctx, "dateline"), ctx.formParam("comments_open") != null,
                form(ctx, "edit").isEmpty() ? "minor" : form(ctx, "edit"), form(ctx, "note"), form(ctx, "publish_at"),
                form(ctx, "featured_media"), form(ctx, "featured_alt"));
    }

    /**
     * When an image came with the form, it goes into the library and becomes the featured image. A refused
     * upload is a problem at its field; a browser cannot send a chosen file back, so the message asks again.
     */
    private EditorForm withUploadedImage(Context ctx, SignedIn member, EditorForm form) {
        if (!ctx.isMultipartFormData()) return form;
        var upload = ctx.uploadedFile("featured_upload");
        if (upload == null || upload.size() == 0) return form;
        if (!member.can(Permission.UPLOAD_MEDIA)) throw InvalidInput.of("featured_upload", "Your role cannot upload images; choose one from the library.");
        try (var content = upload.content()) {
            MediaFile file = media.upload(upload.filename(), content.readAllBytes(), member.account().id(), form.featuredAlt());
            return form.withFeaturedMedia(file.id());
        } catch (InvalidInput e) {
            throw InvalidInput.of("featured_upload", e.problems().values().iterator().next() + " Choose the file again.");
        } catch (java.io.IOException e) {
            throw InvalidInput.of("featured_upload", "The upload did not arrive whole; choose the file again.");
        }
    }

    /** The alt text typed for the featured image becomes the image's alt text in the library. */
    private void describeFeatured(SignedIn member, EditorForm form) {
        Long id = form.featuredMediaId();
        if (id == null || !member.can(Permission.UPLOAD_MEDIA)) return;
        media.byId(id).filter(m -> !m.altText().equals(form.featuredAlt().strip()))
                .ifPresent(m -> media.describe(id, form.featuredAlt()));
    }

    private String altOf(Long mediaId) {
        return mediaId == null ? "" : media.byId(mediaId).map(MediaFile::altText).orElse("");
    }

    /** A moment typed in the site's timezone, or null for "now". */
    private Instant publishAt(String typed) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return LocalDateTime.parse(typed.strip(), LOCAL_INPUT).atZone(site.settings().timezone()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("publish_at", "Give a date and time, such as 2024-06-20 09:38.");
        }
    }

    private static String form(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    private static String query(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }
}
