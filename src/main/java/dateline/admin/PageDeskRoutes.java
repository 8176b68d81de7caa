package dateline.admin;

import dateline.accounts.Permission;
import dateline.articles.ArticleService;
import dateline.articles.BodyFormat;
import dateline.markup.Markdown;
import dateline.pages.Menu;
import dateline.pages.MenuItem;
import dateline.pages.Page;
import dateline.pages.PageDraft;
import dateline.pages.PageRoutes;
import dateline.pages.PageService;
import dateline.web.InvalidInput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The newsroom's pages and menus. They are the site's furniture, like its sections, so they need the
 * permission to manage sections: editors and administrators.
 */
public final class PageDeskRoutes {
    private static final Permission PERMISSION = Permission.MANAGE_SECTIONS;
    private static final Map<String, String> NOTICES = Map.of(
            "created", "The page is saved as a draft.", "saved", "The page is saved.",
            "published", "The page is published.", "unpublished", "The page is back to a draft; readers no longer see it.",
            "deleted", "The page is deleted.");

    private final PageService pages;
    private final ArticleService articles;
    private final PageRoutes readers;
    private final Markdown markdown;
    private final Newsroom newsroom;

    /** {@code readers} renders a page as readers see it, for the whole-page preview. */
    public PageDeskRoutes(PageService pages, ArticleService articles, PageRoutes readers, Markdown markdown,
                          Newsroom newsroom) {
        this.pages = pages;
        this.articles = articles;
        this.readers = readers;
        this.markdown = markdown;
        this.newsroom = newsroom;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/admin/pages", PERMISSION, this::list),
                AdminRoute.post("/admin/pages", PERMISSION, this::create),
                AdminRoute.get("/admin/pages/new", PERMISSION, ctx -> editor(ctx, HttpStatus.OK, null,
                        Map.of("body_format", BodyFormat.MARKDOWN.code()), Map.of())),
                AdminRoute.get("/admin/pages/{id}", PERMISSION, this::edit),
                AdminRoute.post("/admin/pages/{id}", PERMISSION, this::save),
                AdminRoute.post("/admin/pages/{id}/delete", PERMISSION, this::delete),
                AdminRoute.get("/admin/pages/{id}/preview", PERMISSION,
                        ctx -> newsroom.render(ctx, HttpStatus.OK, "pages/page.jte", readers.preview(page(ctx)))),
                AdminRoute.get("/admin/menus", PERMISSION, ctx -> menus(ctx, HttpStatus.OK, Map.of(), Map.of(),
                        "arranged".equals(ctx.queryParam("done")) ? "The menu is arranged." : null)),
                AdminRoute.post("/admin/menus/items", PERMISSION, this::addItem),
                AdminRoute.post("/admin/menus/items/{item}/up", PERMISSION, ctx -> arrange(ctx, pages::moveUp)),
                AdminRoute.post("/admin/menus/items/{item}/down", PERMISSION, ctx -> arrange(ctx, pages::moveDown)),
                AdminRoute.post("/admin/menus/items/{item}/remove", PERMISSION,
                        ctx -> arrange(ctx, pages::removeFromMenu)));
    }

    private void list(Context ctx) {
        List<Page> all = pages.all();
        Map<Long, String> titles = all.stream().collect(Collectors.toMap(Page::id, Page::title));
        newsroom.render(ctx, HttpStatus.OK, "admin/pages.jte", new PageListScreen(newsroom.frame(ctx), all, titles,
                notice(ctx)));
    }

    private void edit(Context ctx) {
        Page page = page(ctx);
        editor(ctx, HttpStatus.OK, page, valuesOf(page), Map.of());
    }

    private void create(Context ctx) {
        Map<String, String> values = formValues(ctx);
        try {
            Page page = pages.create(draft(values));
            if ("publish".equals(ctx.formParam("action"))) {
                pages.publish(page.id());
                ctx.redirect("/admin/pages/" + page.id() + "?done=published", HttpStatus.SEE_OTHER);
            } else {
                ctx.redirect("/admin/pages/" + page.id() + "?done=created", HttpStatus.SEE_OTHER);
            }
        } catch (InvalidInput e) {
            editor(ctx, HttpStatus.UNPROCESSABLE_CONTENT, null, values, e.problems());
        }
    }

    private void save(Context ctx) {
        Page page = page(ctx);
        Map<String, String> values = formValues(ctx);
        try {
            pages.update(page.id(), draft(values));
            String done = switch (String.valueOf(ctx.formParam("action"))) {
                case "publish" -> {
                    pages.publish(page.id());
                    yield "published";
                }
                case "unpublish" -> {
                    pages.unpublish(page.id());
                    yield "unpublished";
                }
                default -> "saved";
            };
            ctx.redirect("/admin/pages/" + page.id() + "?done=" + done, HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            editor(ctx, HttpStatus.UNPROCESSABLE_CONTENT, page, values, e.problems());
        }
    }

    private void delete(Context ctx) {
        Page page = page(ctx);
        try {
            if (!"yes".equals(ctx.formParam("confirm"))) {
                throw InvalidInput.of("confirm", "Tick the box to confirm that the page should be deleted.");
            }
            pages.delete(page.id());
            ctx.redirect("/admin/pages?done=deleted", HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            editor(ctx, HttpStatus.UNPROCESSABLE_CONTENT, page, valuesOf(page), e.problems());
        }
    }

    private void addItem(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("menu", "kind", "page", "section", "label", "url")) {
            values.put(field, ctx.formParam(field) == null ? "" : ctx.formParam(field));
        }
        try {
            Menu menu = Menu.ofCode(values.get("menu")).orElseThrow(() -> InvalidInput.of("menu", "Choose a menu."));
            switch (values.get("kind")) {
                case "page" -> pages.addPageToMenu(menu, idOrRefuse(values.get("page"), "page", "Choose a page."));
                case "section" -> pages.addSectionToMenu(menu,
                        idOrRefuse(values.get("section"), "section", "Choose a section."));
                case "link" -> pages.addLinkToMenu(menu, values.get("label"), values.get("url"));
                default -> throw InvalidInput.of("kind", "Choose what the item links to: a page, a section or a link.");
            }
            ctx.redirect("/admin/menus?done=arranged", HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            menus(ctx, HttpStatus.UNPROCESSABLE_CONTENT, values, e.problems(), null);
        }
    }

    private void arrange(Context ctx, Consumer<Long> change) {
        Long id = Ids.of(ctx.pathParam("item"));
        if (id == null) throw new NotFoundResponse();
        try {
            change.accept(id);
        } catch (InvalidInput e) {
            throw new NotFoundResponse();
        }
        ctx.redirect("/admin/menus?done=arranged", HttpStatus.SEE_OTHER);
    }

    private void menus(Context ctx, HttpStatus status, Map<String, String> values, Map<String, String> problems,
                       String notice) {
        Map<Menu, List<MenuItem>> byMenu = new EnumMap<>(Menu.class);
        for (MenuItem item : pages.menuItems()) byMenu.computeIfAbsent(item.menu(), m -> new java.util.ArrayList<>()).add(item);
        newsroom.render(ctx, status, "admin/menus.jte", new MenusScreen(newsroom.frame(ctx), byMenu, pages.all(),
                articles.sections(), values, problems, notice));
    }

    private void editor(Context ctx, HttpStatus status, Page page, Map<String, String> values,
                        Map<String, String> problems) {
        List<Page> parents = pages.all().stream().filter(p -> page == null || p.id() != page.id()).toList();
        String notice = status == HttpStatus.OK ? notice(ctx) : null;
        String preview = BodyFormat.named(values.getOrDefault("body_format", "")).orElse(BodyFormat.MARKDOWN)
                .toSafeHtml(values.getOrDefault("body", ""), markdown);
        newsroom.render(ctx, status, "admin/page_editor.jte",
                new PageEditorScreen(newsroom.frame(ctx), page, values, parents, problems, notice, preview));
    }

    private static String notice(Context ctx) {
        String done = ctx.queryParam("done");
        return done == null ? null : NOTICES.get(done);
    }

    private Page page(Context ctx) {
        Long id = Ids.of(ctx.pathParam("id"));
        if (id == null) throw new NotFoundResponse();
        return pages.byId(id).orElseThrow(NotFoundResponse::new);
    }

    private static Map<String, String> formValues(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("title", "slug", "parent", "body_format", "body")) {
            values.put(field, ctx.formParam(field) == null ? "" : ctx.formParam(field));
        }
        return values;
    }

    private static Map<String, String> valuesOf(Page page) {
        return Map.of("title", page.title(), "slug", page.slug(),
                "parent", page.parentId() == null ? "" : page.parentId().toString(),
                "body_format", page.bodyFormat().code(), "body", page.body());
    }

    private static PageDraft draft(Map<String, String> values) {
        BodyFormat format = switch (values.get("body_format")) {
            case "", "markdown" -> BodyFormat.MARKDOWN;
            case "html" -> BodyFormat.HTML;
            default -> throw InvalidInput.of("body_format", "Choose Markdown or HTML.");
        };
        String parent = values.get("parent");
        Long parentId = Ids.of(parent);
        if (!parent.isBlank() && parentId == null) throw InvalidInput.of("parent", "Choose a page that exists.");
        return new PageDraft(values.get("title"), values.get("slug"), parentId, format, values.get("body"));
    }

    private static long idOrRefuse(String text, String field, String message) {
        Long id = Ids.of(text);
        if (id == null) throw InvalidInput.of(field, message);
        return id;
    }
}
