package dateline.comments;

import dateline.articles.Article;
import dateline.articles.ArticlePage;
import dateline.articles.ArticleService;
import dateline.articles.ArticleViews;
import dateline.articles.FullArticle;
import dateline.site.SiteService;
import dateline.site.SiteTime;
import dateline.web.HttpCaching;
import dateline.web.InvalidInput;
import dateline.web.Link;
import dateline.web.RouteGroup;
import dateline.web.Templates;
import gg.jte.Content;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The comments under every article, and the comment form's destination: a new comment is checked, stored
 * and judged, then the reader is sent to it (post/redirect/get). A comment that waits for a moderator is
 * shown to its author alone, recognised by a signed cookie; so is one caught as spam, so that whoever sent
 * it cannot tell the two apart. A refused comment comes back in the form with everything typed.
 */
public final class CommentRoutes implements RouteGroup {
    public static final String POST_PATH = "/comments";
    /** The form's field that people never see, hidden from sight, from assistive technology and from the keyboard. */
    static final String HONEYPOT = "homepage";
    static final String OWN_COOKIE = "dateline_own_comments";
    static final String REMEMBER_COOKIE = "dateline_commenter";
    private static final int OWN_COMMENTS_CHECKED = 20;
    private static final int OWN_COOKIE_SECONDS = 60 * 60 * 24 * 30;
    private static final int REMEMBER_SECONDS = 60 * 60 * 24 * 365;

    private final CommentService comments;
    private final ArticleService articles;
    private final ArticleViews views;
    private final SiteService site;
    private final Templates templates;
    private final boolean secureCookies;

    public CommentRoutes(CommentService comments, ArticleService articles, ArticleViews views, SiteService site,
                         Templates templates, String baseUrl) {
        this.comments = comments;
        this.articles = articles;
        this.views = views;
        this.site = site;
        this.templates = templates;
        this.secureCookies = baseUrl.startsWith("https:");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(POST_PATH, this::post);
        RouteGroup.readable(routes, "/comments/token", this::token);
    }

    /** The comment section of an article page, for this reader. */
    public Content section(FullArticle full, Context ctx) {
        Long replyTo = number(ctx.queryParam("replytocom"));
        String token = comments.formToken(full.article().id());
        return render(full, ctx, page(ctx), formFor(full, replyTo, Map.of(), Map.of(), null, token));
    }

    private void post(Context ctx) {
        Long articleId = number(ctx.formParam("article"));
        if (articleId == null) throw new NotFoundResponse();
        // the article alone (one statement, not the four of its page): what its page shows is read only to refuse
        Article article = articles.byId(articleId).filter(a -> a.status().isPublic()).orElseThrow(NotFoundResponse::new);
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("comment", "name", "email", "website", "remember")) {
            String value = ctx.formParam(field);
            typed.put(field, value == null ? "" : value);
        }
        Long parent = number(ctx.formParam("parent"));
        String token = ctx.formParam("form_token");
        String sent = token == null ? "" : token;
        Comment stored;
        try {
            stored = comments.post(article, new NewComment(articleId, parent, typed.get("name"), typed.get("email"),
                    typed.get("website"), typed.get("comment"), ctx.ip(), ctx.userAgent(), token,
                    ctx.formParam(HONEYPOT)));
        } catch (InvalidInput e) {
            Map<String, String> problems = new LinkedHashMap<>(e.problems());
            String message = problems.remove("parent");
            if (problems.containsKey("article")) message = problems.remove("article");
            refuse(ctx, articleId, HttpStatus.UNPROCESSABLE_CONTENT, parent, typed, problems,
                    message != null ? message : "Your comment was not posted. Please check the fields marked below.",
                    comments.formTokenAgain(articleId, sent, false));
            return;
        } catch (CommentService.CommentsClosed e) {
            refuse(ctx, articleId, HttpStatus.FORBIDDEN, parent, typed, Map.of(), "Comments are closed on this article.", sent);
            return;
        } catch (CommentService.TooSoon e) {
            ctx.header("Retry-After", Long.toString(Math.max(1, e.waitFor().toSeconds() + 1)));
            refuse(ctx, articleId, HttpStatus.TOO_MANY_REQUESTS, parent, typed, Map.of(),
                    "You are posting comments too quickly. Wait a few seconds and send it again; your comment is below.",
                    comments.formTokenAgain(articleId, sent, false));
            return;
        } catch (CommentService.Duplicate e) {
            refuse(ctx, articleId, HttpStatus.CONFLICT, parent, typed, Map.of(),
                    "It looks as though you have already said that: the same comment is already posted.",
                    comments.formTokenAgain(articleId, sent, false));
            return;
        } catch (CommentService.FormUsed e) {
            refuse(ctx, articleId, HttpStatus.CONFLICT, parent, typed, Map.of(),
                    "This copy of the page has already sent a comment from your email address. Your new comment is "
                            + "below and was not posted yet: send it again to post it.",
                    comments.formTokenAgain(articleId, sent, true));
            return;
        }
        remember(ctx, typed);
        Set<Long> own = ownComments(ctx);
        if (stored.status() != CommentStatus.APPROVED) {
            own = new LinkedHashSet<>(own);
            own.add(stored.id());
            ctx.cookie(new Cookie(OWN_COOKIE, keyed().ownComments(own), "/", OWN_COOKIE_SECONDS, secureCookies, true,
                    null, SameSite.LAX));
        }
        int page = comments.pageOf(stored, own);
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(article.path() + (page > 1 ? "?cpage=" + page : "") + "#comment-" + stored.id(),
                HttpStatus.SEE_OTHER);
    }

    /**
     * A fresh token for the comment form of an article, for the page's script to use when a reader comes back
     * to a page loaded long ago, before the one it carries expires.
     */
    private void token(Context ctx) {
        Long articleId = number(ctx.queryParam("article"));
        FullArticle full = articleId == null ? null : articles.full(articleId)
                .filter(f -> comments.acceptsComments(f.article())).orElse(null);
        if (full == null) throw new NotFoundResponse();
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(comments.formToken(articleId));
    }

    /** The article page again, its form holding everything typed, with the messages. */
    private void refuse(Context ctx, long articleId, HttpStatus status, Long parent, Map<String, String> typed,
                        Map<String, String> problems, String message, String token) {
        FullArticle full = articles.full(articleId).orElseThrow(NotFoundResponse::new);
        CommentSection.Form form = formFor(full, parent, typed, problems, message, token);
        ArticlePage page = views.articlePage(full, site.settings(), articles.sections())
                .withBelow(render(full, ctx, 1, form));
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(templates.bytes("articles/article.jte", page));
    }

    private Content render(FullArticle full, Context ctx, int page, CommentSection.Form form) {
        String path = full.article().path();
        boolean open = comments.acceptsComments(full.article());
        Set<Long> own = ownComments(ctx);
        CommentThread thread = comments.thread(full.article().id(), own, page);
        if (!own.isEmpty()) HttpCaching.markPersonal(ctx);
        SiteTime time = site.settings().time();
        Keyed keyed = keyed();
        int depth = site.comments().threadDepth();
        List<CommentSection.View> views = thread.comments().stream()
                .map(node -> view(node, path, thread.page(), open, depth, time, keyed)).toList();
        List<Link> pages = new ArrayList<>();
        if (thread.pages() > 1) {
            for (int p = 1; p <= thread.pages(); p++) {
                pages.add(new Link(Integer.toString(p), p == thread.page() ? null : path + (p == 1 ? "" : "?cpage=" + p) + "#comments"));
            }
        }
        CommentSection section = new CommentSection(path, full.article().id(), thread.approvedCount(), views, pages, open,
                form, path + "feed/");
        return templates.content("comments/section.jte", section);
    }

    private CommentSection.View view(CommentThread.Node node, String path, int page, boolean open, int maxDepth,
                                     SiteTime time, Keyed keyed) {
        Comment c = node.comment();
        String replyUrl = open && c.status() == CommentStatus.APPROVED
                ? path + "?" + (page > 1 ? "cpage=" + page + "&" : "") + "replytocom=" + c.id() + "#respond" : null;
        return new CommentSection.View(c.id(), c.authorName(), c.authorWebsite().isEmpty() ? null : c.authorWebsite(),
                initials(c.authorName()), keyed.avatarColour(c.byStaff() ? "staff" : c.authorEmail()),
                time.dateAndTime(c.createdAt()), c.bodyHtml(), c.status() != CommentStatus.APPROVED, c.byStaff(),
                Math.min(c.depth(), maxDepth), replyUrl,
                node.replies().stream().map(r -> view(r, path, page, open, maxDepth, time, keyed)).toList());
    }

    private CommentSection.Form formFor(FullArticle full, Long replyTo, Map<String, String> typed,
                                        Map<String, String> problems, String message, String token) {
        String replyToName = null;
        Long parent = null;
        if (replyTo != null) {
            var answered = comments.byId(replyTo)
                    .filter(c -> c.articleId() == full.article().id() && c.status() == CommentStatus.APPROVED);
            if (answered.isPresent()) {
                replyToName = answered.get().authorName();
                parent = replyTo;
            }
        }
        String heading = replyToName == null ? "Leave a Reply" : "Leave a Reply to " + replyToName;
        String cancel = replyToName == null ? null : full.article().path() + "#respond";
        return new CommentSection.Form(heading, replyToName, parent, cancel, typed, problems, message, token);
    }

    /** "Save my name, email, and website": kept in the reader's browser only when the box is ticked. */
    private void remember(Context ctx, Map<String, String> typed) {
        if (typed.get("remember").isEmpty()) {
            if (ctx.cookie(REMEMBER_COOKIE) != null) ctx.removeCookie(REMEMBER_COOKIE, "/");
            return;
        }
        String value = URLEncoder.encode(dateline.web.Json.write(Map.of("name", typed.get("name").strip(),
                "email", typed.get("email").strip(), "website", typed.get("website").strip())), StandardCharsets.UTF_8);
        // read by the page's script to fill the form in, so the page itself never carries anything personal
        ctx.cookie(new Cookie(REMEMBER_COOKIE, value, "/", REMEMBER_SECONDS, secureCookies, false, null, SameSite.LAX));
    }

    /**
     * True when this reader has a comment that still waits for moderation: they see it on its article, so
     * what they are shown is their own. The cookie names a few comments, each looked up by its key.
     */
    public boolean awaitsModeration(Context ctx) {
        if (ctx.cookie(OWN_COOKIE) == null) return false;
        return ownComments(ctx).stream().limit(OWN_COMMENTS_CHECKED).map(comments::byId)
                .flatMap(java.util.Optional::stream).anyMatch(c -> c.status() != CommentStatus.APPROVED);
    }

    private Set<Long> ownComments(Context ctx) {
        return keyed().ownComments(ctx.cookie(OWN_COOKIE));
    }

    private Keyed keyed() {
        return comments.keyed();
    }

    private static int page(Context ctx) {
        Long page = number(ctx.queryParam("cpage"));
        return page == null || page < 1 || page > 100_000 ? 1 : page.intValue();
    }

    /** An ASCII letter in capitals; any other character as it is. */
    private static char asciiCapital(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
    }

    /**
     * The first letters of a name's first and last words, in capitals ("?" when it has none). Words are
     * parted by whitespace as {@code \\s+} parts them (space, tab, line ends, form feed, vertical tab), found
     * by one pass over the name: it runs for every comment shown.
     */
    static String initials(String name) {
        String stripped = name.strip();
        int end = stripped.length();
        if (end == 0) return "?";
        int lastStart = end;
        while (lastStart > 0 && !separates(stripped.charAt(lastStart - 1))) lastStart--;
        char a = stripped.charAt(0);
        char b = stripped.charAt(lastStart == 0 ? 0 : lastStart);
        if (a < 0x80 && b < 0x80) {
            // most names: two ASCII letters, put in capitals without a substring, a joined text and its copy in capitals
            return lastStart == 0 ? String.valueOf(asciiCapital(a))
                    : String.valueOf(new char[] {asciiCapital(a), asciiCapital(b)});
        }
        String first = stripped.substring(0, stripped.offsetByCodePoints(0, 1));
        if (lastStart == 0) return first.toUpperCase(Locale.ROOT);
        String last = stripped.substring(lastStart, stripped.offsetByCodePoints(lastStart, 1));
        return (first + last).toUpperCase(Locale.ROOT);
    }

    /** The characters of {@code \\s}, which split a name into words. */
    private static boolean separates(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static Long number(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
