package dateline.pages;

import dateline.articles.ArticleService;
import dateline.articles.BodyFormat;
import dateline.articles.MenuSource;
import dateline.articles.Section;
import dateline.markup.Markdown;
import dateline.markup.SafeHtml;
import dateline.markup.Slugs;
import dateline.web.InvalidInput;
import dateline.web.Link;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The pages feature's verbs: writing, moving, publishing and deleting pages, finding the one at an
 * address, and arranging the two menus. The verbs take what an import brings too (a slug, a parent, a
 * body format, dates). HTML bodies are sanitized on the way in, like articles'.
 */
public final class PageService implements MenuSource {
    private final PageRepository repository;
    private final ArticleService articles;
    private final Markdown markdown;
    private final Clock clock;
    private final List<PageListener> listeners = new CopyOnWriteArrayList<>();

    public PageService(Jdbi jdbi, ArticleService articles, Markdown markdown, Clock clock) {
        this.repository = new PageRepository(jdbi);
        this.articles = articles;
        this.markdown = markdown;
        this.clock = clock;
    }

    /** Lets a listener follow every committed change to pages and menus from now on. */
    public void addListener(PageListener listener) {
        listeners.add(listener);
    }

    /** Writes a new draft page. */
    public Page create(PageDraft draft) {
        Instant now = clock.instant();
        return create(draft, PageStatus.DRAFT, now, now);
    }

    /** Writes a new page as it was elsewhere: its status and its dates (an import). */
    public Page create(PageDraft draft, PageStatus status, Instant createdAt, Instant modifiedAt) {
        Page page = repository.inTransaction(h -> {
            Placed placed = place(h, draft, null);
            String body = body(draft);
            Page unsaved = new Page(0, draft.parentId(), draft.title(), placed.slug(), placed.path(),
                    draft.bodyFormat(), body, html(draft.bodyFormat(), body), status, createdAt, modifiedAt);
            repository.dropRedirect(h, placed.path());
            long id = repository.insert(h, unsaved);
            return repository.byId(h, id).orElseThrow();
        });
        if (page.isPublished()) tell(List.of(PageEvent.of(PageEvent.Kind.PUBLISHED, page)));
        return page;
    }

    /**
     * Rewrites a page. A new slug or parent gives it (and the pages under it) a new address; the old one
     * then answers with a permanent redirect.
     */
    public Page update(long id, PageDraft draft) {
        List<PageEvent> events = new ArrayList<>();
        Page page = repository.inTransaction(h -> {
            Page before = existing(h, id);
            Placed placed = place(h, draft, before);
            String body = body(draft);
            Page after = new Page(id, draft.parentId(), draft.title(), placed.slug(), placed.path(), draft.bodyFormat(),
                    body, html(draft.bodyFormat(), body), before.status(), before.createdAt(), clock.instant());
            repository.update(h, after);
            if (!before.path().equals(after.path())) {
                move(h, before.path(), after, events);
            } else {
                events.add(PageEvent.of(PageEvent.Kind.UPDATED, after));
            }
            return after;
        });
        tell(events);
        return page;
    }

    public Page publish(long id) {
        return changeStatus(id, PageStatus.PUBLISHED, PageEvent.Kind.PUBLISHED);
    }

    public Page unpublish(long id) {
        return changeStatus(id, PageStatus.DRAFT, PageEvent.Kind.UNPUBLISHED);
    }

    /** Deletes a page that has no pages under it (those would lose their address), and its menu items. */
    public void delete(long id) {
        Page page = repository.inTransaction(h -> {
            Page existing = existing(h, id);
            if (!repository.children(h, id).isEmpty()) {
                throw InvalidInput.of("page", "Pages live under this one: move or delete them first.");
            }
            repository.delete(h, id);
            return existing;
        });
        tell(List.of(PageEvent.of(PageEvent.Kind.DELETED, page)));
        menuChanged(Menu.values());
    }

    public Optional<Page> byId(long id) {
        return repository.read(h -> repository.byId(h, id));
    }

    /** Every page, published or not, children after their parent. */
    public List<Page> all() {
        return repository.read(repository::all);
    }

    /** The addresses pages once had and that now redirect to them, by page id: for an export. */
    public Map<Long, List<String>> formerPaths() {
        return repository.read(repository::formerPaths);
    }

    /** The published page at {@code path}, or where the page that once lived there lives now. */
    public PageLookup find(String path) {
        return repository.read(h -> {
            Optional<Page> page = repository.byPath(h, path).filter(Page::isPublished);
            if (page.isPresent()) return new PageLookup.Found(page.get());
            return repository.redirectTarget(h, path).<PageLookup>map(PageLookup.Moved::new)
                    .orElseGet(PageLookup.Missing::new);
        });
    }

    /** The published pages above this one, from the top of the site down: its breadcrumbs. */
    public List<Page> ancestors(Page page) {
        return repository.read(h -> {
            List<Page> above = new ArrayList<>();
            Long parent = page.parentId();
            while (parent != null) {
                Page p = repository.byId(h, parent).orElseThrow();
                above.add(0, p);
                parent = p.parentId();
            }
            return above;
        });
    }

    /** Both menus' items, each in its arranged order. */
    public List<MenuItem> menuItems() {
        return repository.read(repository::menuItems);
    }

    public void addPageToMenu(Menu menu, long pageId) {
        repository.inTransaction(h -> {
            if (repository.byId(h, pageId).isEmpty()) throw InvalidInput.of("page", "Choose a page.");
            repository.addMenuItem(h, menu, pageId, null, "", "");
            return null;
        });
        menuChanged(menu);
    }

    public void addSectionToMenu(Menu menu, long sectionId) {
        if (articles.sections().stream().noneMatch(s -> s.id() == sectionId)) {
            throw InvalidInput.of("section", "Choose a section.");
        }
        repository.inTransaction(h -> {
            repository.addMenuItem(h, menu, null, sectionId, "", "");
            return null;
        });
        menuChanged(menu);
    }

    /** Adds a link to another site (http or https) or to an address of this one ({@code /…}). */
    public void addLinkToMenu(Menu menu, String label, String url) {
        String cleanLabel = label == null ? "" : label.strip();
        String cleanUrl = url == null ? "" : url.strip();
        InvalidInput.check()
                .when(cleanLabel.isEmpty(), "label", "Give the link a label.")
                .when(cleanLabel.length() > PageRules.MAX_LABEL, "label",
                        "Keep the label to " + PageRules.MAX_LABEL + " characters.")
                .when(!PageRules.isAcceptableLink(cleanUrl), "url",
                        "Give an address that starts with https://, http:// or / (an address of this site).")
                .throwIfAny();
        repository.inTransaction(h -> {
            repository.addMenuItem(h, menu, null, null, cleanLabel, cleanUrl);
            return null;
        });
        menuChanged(menu);
    }

    /** Moves the item one place towards the start of its menu; the first stays first. */
    public void moveUp(long itemId) {
        shift(itemId, -1);
    }

    /** Moves the item one place towards the end of its menu; the last stays last. */
    public void moveDown(long itemId) {
        shift(itemId, 1);
    }

    public void removeFromMenu(long itemId) {
        MenuItem item = repository.inTransaction(h -> {
            MenuItem existing = repository.menuItem(h, itemId)
                    .orElseThrow(() -> InvalidInput.of("item", "That menu item is gone."));
            repository.removeMenuItem(h, itemId);
            return existing;
        });
        menuChanged(item.menu());
    }

    /**
     * The menus as readers see them: published pages (under their own title), sections (named from
     * {@code sections}; a closed one drops out) and links. One query, whichever the menus hold.
     */
    @Override
    public Menus menus(List<Section> sections) {
        Map<Long, Section> byId = sections.stream().collect(Collectors.toMap(Section::id, Function.identity()));
        List<Link> header = new ArrayList<>();
        List<Link> footer = new ArrayList<>();
        for (MenuItem item : menuItems()) {
            Link link = null;
            if (item.isPage()) {
                if (item.pageStatus() == PageStatus.PUBLISHED) link = new Link(item.pageTitle(), item.pagePath());
            } else if (item.isSection()) {
                Section section = byId.get(item.sectionId());
                if (section != null) link = new Link(section.name(), section.path());
            } else {
                link = new Link(item.label(), item.url());
            }
            if (link != null) (item.menu() == Menu.HEADER ? header : footer).add(link);
        }
        return new Menus(List.copyOf(header), List.copyOf(footer));
    }

    private void shift(long itemId, int by) {
        MenuItem item = repository.inTransaction(h -> {
            MenuItem moving = repository.menuItem(h, itemId)
                    .orElseThrow(() -> InvalidInput.of("item", "That menu item is gone."));
            List<MenuItem> menu = new ArrayList<>(repository.menuItems(h).stream()
                    .filter(i -> i.menu() == moving.menu()).toList());
            int at = indexOf(menu, itemId);
            int to = at + by;
            if (to >= 0 && to < menu.size()) {
                menu.add(to, menu.remove(at));
                for (int i = 0; i < menu.size(); i++) repository.setPosition(h, menu.get(i).id(), i + 1);
            }
            return moving;
        });
        menuChanged(item.menu());
    }

    private static int indexOf(List<MenuItem> items, long id) {
        for (int i = 0; i < items.size(); i++) if (items.get(i).id() == id) return i;
        throw new IllegalStateException("item " + id + " is not in its menu");
    }

    private Page changeStatus(long id, PageStatus status, PageEvent.Kind kind) {
        Page page = repository.inTransaction(h -> {
            Page before = existing(h, id);
            if (before.status() == status) return null;
            Page after = new Page(id, before.parentId(), before.title(), before.slug(), before.path(),
                    before.bodyFormat(), before.body(), before.bodyHtml(), status, before.createdAt(), clock.instant());
            repository.update(h, after);
            return after;
        });
        if (page == null) return byId(id).orElseThrow();
        tell(List.of(PageEvent.of(kind, page)));
        return page;
    }

    /** The page moved from {@code formerPath}: it and every page under it keep their old addresses as redirects. */
    private void move(Handle h, String formerPath, Page moved, List<PageEvent> events) {
        repository.addRedirect(h, formerPath, moved.id());
        repository.dropRedirect(h, moved.path());
        events.add(new PageEvent(PageEvent.Kind.UPDATED, moved, Optional.of(formerPath)));
        for (Page child : repository.children(h, moved.id())) {
            Page placed = new Page(child.id(), child.parentId(), child.title(), child.slug(),
                    moved.path() + child.slug() + "/", child.bodyFormat(), child.body(), child.bodyHtml(),
                    child.status(), child.createdAt(), child.modifiedAt());
            repository.update(h, placed);
            move(h, child.path(), placed, events);
        }
    }

    private record Placed(String slug, String path) {}

    /** Checks the draft and finds the page's slug and address; {@code before} is the page being rewritten. */
    private Placed place(Handle h, PageDraft draft, Page before) {
        String slug = draft.slug().isEmpty() ? Slugs.of(draft.title()) : draft.slug();
        var problems = InvalidInput.check()
                .when(draft.title().isEmpty(), "title", "Give the page a title.")
                .when(draft.title().length() > PageRules.MAX_TITLE, "title",
                        "Keep the title to " + PageRules.MAX_TITLE + " characters.")
                .when(draft.body().length() > PageRules.MAX_BODY, "body",
                        "Keep the page to " + PageRules.MAX_BODY + " characters.");
        String parentPath = "/";
        if (draft.parentId() != null) {
            Optional<Page> parent = repository.byId(h, draft.parentId());
            problems.when(parent.isEmpty(), "parent", "Choose a page that exists.");
            if (parent.isPresent()) {
                problems.when(before != null && isWithin(h, parent.get(), before.id()), "parent",
                        "A page cannot live under itself or under a page that lives under it.");
                parentPath = parent.get().path();
            }
        }
        if (!draft.title().isEmpty() || !draft.slug().isEmpty()) {
            String slugProblem = PageRules.slugProblem(slug, draft.parentId() == null);
            problems.when(slugProblem != null, "slug", slugProblem);
        }
        String path = parentPath + slug + "/";
        if (!problems.has("slug") && !problems.has("parent")) {
            Optional<Page> there = repository.byPath(h, path);
            problems.when(there.isPresent() && (before == null || there.get().id() != before.id()), "slug",
                    "Another page already lives at " + path + "; choose another slug or parent.");
        }
        problems.throwIfAny();
        return new Placed(slug, path);
    }

    /** True when {@code page} is the page {@code id} or lives somewhere under it. */
    private boolean isWithin(Handle h, Page page, long id) {
        Page at = page;
        while (true) {
            if (at.id() == id) return true;
            if (at.parentId() == null) return false;
            at = repository.byId(h, at.parentId()).orElseThrow();
        }
    }

    private Page existing(Handle h, long id) {
        return repository.byId(h, id).orElseThrow(() -> InvalidInput.of("page", "That page is gone."));
    }

    private static String body(PageDraft draft) {
        return draft.bodyFormat() == BodyFormat.HTML ? SafeHtml.sanitize(draft.body()) : draft.body();
    }

    private String html(BodyFormat format, String body) {
        return format == BodyFormat.HTML ? body : markdown.toSafeHtml(body);
    }

    private void tell(List<PageEvent> events) {
        for (PageEvent event : events) for (PageListener listener : listeners) listener.changed(event);
    }

    private void menuChanged(Menu... menus) {
        for (Menu menu : menus) for (PageListener listener : listeners) listener.menuChanged(menu);
    }
}
