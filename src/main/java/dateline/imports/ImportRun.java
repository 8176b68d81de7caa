package dateline.imports;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.articles.ArticleDraft;
import dateline.articles.ArticleStatus;
import dateline.articles.ArticleType;
import dateline.articles.ArticleUpdate;
import dateline.articles.BodyFormat;
import dateline.articles.ImportedArticle;
import dateline.articles.Permalinks;
import dateline.articles.Section;
import dateline.articles.UpdateKind;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.markup.SafeHtml;
import dateline.markup.Slugs;
import dateline.media.MediaFile;
import dateline.pages.Menu;
import dateline.pages.MenuItem;
import dateline.pages.Page;
import dateline.pages.PageDraft;
import dateline.pages.PageRules;
import dateline.pages.PageStatus;
import dateline.web.InvalidInput;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * One pass over an export. Without attachments from an earlier pass it is the check: it writes nothing,
 * refuses what could not be stored, and counts what would be created (with made-up negative ids standing
 * for what does not exist yet). With them it is the write: the same decisions, taken through the
 * features' import verbs, a batch of items to a transaction.
 */
final class ImportRun implements Wxr.Handler, AutoCloseable {
    private static final int BATCH_ITEMS = 500;
    private static final int BATCH_COMMENTS = 5_000;
    private static final int MAX_SECTION_NAME = 60;
    private static final int MAX_PAGE_TITLE = 200;
    private static final int MAX_ACCOUNT_NAME = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final String TOO_LONG = "%s “%s” is %,d characters long; the longest %s Dateline keeps is %,d "
            + "characters. Shorten it in WordPress and export again.";

    /** An attachment as the check pass found it: what the write pass needs to bring its file in. */
    record Attachment(long id, String guid, String url, String file, String title, String alt, String link, int line) {}

    private final ImportService.Parts parts;
    private final ImportOptions options;
    private final ImportProgress progress;
    private final boolean writing;
    private final Map<Long, Attachment> attachments;
    private final ImportTally tally = new ImportTally();
    private final Instant now;

    private boolean started;
    private String source = "";
    private String siteName = "the export";
    private ZoneId zone;
    private Map<String, Map<Long, Long>> known;
    private final Map<String, Map<String, Long>> guids = new HashMap<>();
    private Set<String> redirectPaths;
    private final Map<String, Long> accountsByLogin = new LinkedHashMap<>();
    private Long fallbackAuthor;
    private final Map<String, Long> sectionsBySlug = new HashMap<>();
    private final Map<String, String> sectionSlugsTaken = new HashMap<>();
    private final Map<String, String[]> categories = new HashMap<>();
    private Long fallbackSection;
    private final Map<Long, String> pagePaths = new HashMap<>();
    private final Set<String> pagePathsTaken = new HashSet<>();
    private final Set<String> articleSlugs = new HashSet<>();
    private final Map<Long, List<Wxr.Item>> waitingPages = new LinkedHashMap<>();
    private final Map<String, Integer> otherItems = new TreeMap<>();
    private final UploadUrls uploadUrls = new UploadUrls();
    private final Map<Long, String> mediaUrls = new HashMap<>();
    private final List<Wxr.Item> batch = new ArrayList<>();
    private final List<Wxr.Author> pendingAuthors = new ArrayList<>();
    private final List<Wxr.Term> pendingTerms = new ArrayList<>();
    private final List<ImportRepository.Origin> pendingRecords = new ArrayList<>();
    private final Map<String, ImportRepository.Target> pendingRedirects = new LinkedHashMap<>();
    private int batchComments;
    /** The writing pass's thread for its batches, once it has one; the batch it is writing. */
    private ExecutorService writer;
    private Future<?> inFlight;
    /** The menus' section and link entries of a Dateline export, placed once every page is in its menus. */
    private final List<Wxr.Meta> menuEntries = new ArrayList<>();
    private boolean mediaDone;
    private long madeUp;
    private long itemsRead;
    private long articlesDone;
    private long commentsDone;

    /** {@code attachments} is null for the check pass, and what the check found for the write pass. */
    ImportRun(ImportService.Parts parts, ImportOptions options, ImportProgress progress, Map<Long, Attachment> attachments) {
        this.parts = parts;
        this.options = options;
        this.progress = progress;
        this.writing = attachments != null;
        this.attachments = attachments != null ? attachments : new LinkedHashMap<>();
        this.now = parts.clock().instant();
    }

    /** The attachments this (check) pass found, in file order. */
    Map<Long, Attachment> attachments() {
        return attachments;
    }

    // ---- the parts of the file, in its order

    @Override
    public void site(Wxr.Site site) {
        String address = firstNonBlank(site.baseBlogUrl(), site.link(), site.baseSiteUrl());
        source = address.isEmpty() ? clean(site.title()) : address.replaceFirst("^(?i)https?://", "")
                .replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        String title = clean(site.title());
        siteName = title.isEmpty() ? (address.isEmpty() ? "the export" : address)
                : address.isEmpty() ? "“" + title + "”" : "“" + title + "” (" + address + ")";
        start();
    }

    @Override
    public void author(Wxr.Author author) {
        start();
        if (writing) {
            pendingAuthors.add(author);
            return;
        }
        importAuthor(author);
    }

    private void importAuthor(Wxr.Author author) {
        String login = clean(author.login());
        Long id = knownId("account", author.id(), "");
        if (id != null) {
            tally.matched("accounts");
        } else {
            String email = clean(author.email()).toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(email).matches() || email.length() > 254) {
                String made = Slugs.of(login).replaceAll("[^a-z0-9-]", "");
                email = (made.isEmpty() ? "author-" + author.id() : made) + "@imported.invalid";
                tally.note("author-email", "The author " + login + " had no usable email address; the account has "
                        + email + " until somebody gives it a real one.");
            }
            Optional<Account> existing = parts.accounts().byEmail(email);
            String address = email;
            if (existing.isPresent()) {
                tally.matched("accounts");
                tally.note("author-matched", "The author " + login + " has the email address of the existing account of "
                        + existing.get().name() + "; their articles are credited to it.");
                id = existing.get().id();
                long found = id;
                transaction(h -> {
                    record(h, "account", author.id(), "", found);
                    return null;
                });
            } else {
                tally.created("accounts");
                String name = cut(firstNonBlank(author.displayName(),
                        (clean(author.firstName()) + " " + clean(author.lastName())).strip(), login), MAX_ACCOUNT_NAME);
                Role role = roleOf(author, name);
                id = transaction(h -> {
                    long made = writing ? parts.accounts().open(new NewAccount(address, name, role, null, "")).id()
                            : madeUp();
                    record(h, "account", author.id(), "", made);
                    return made;
                });
            }
        }
        remember("account", author.id(), id);
        accountsByLogin.put(login, id);
        stage("authors", accountsByLogin.size());
    }

    /** An entry of a menu as a Dateline export writes it ({@link DatelineMeta#MENU_ENTRY}). */
    private record MenuEntry(Menu menu, int place, String kind, String value) {
        static Optional<MenuEntry> parse(String text) {
            String[] parts = text.strip().split(" ", 4);
            if (parts.length < 4) return Optional.empty();
            Optional<Menu> menu = Menu.ofCode(parts[0]);
            if (menu.isEmpty() || !parts[1].matches("\\d{1,4}")) return Optional.empty();
            return Optional.of(new MenuEntry(menu.get(), Integer.parseInt(parts[1]), parts[2], parts[3]));
        }
    }

    /**
     * Puts the menus' section and link entries in their places among the pages, which are in their menus by
     * now: each is added at the end, then moved up to its place. An entry the menu already has (the same
     * section, or the same address and label) is not added twice, so importing the file again adds nothing.
     */
    private void placeMenuEntries() {
        List<MenuEntry> entries = new ArrayList<>();
        for (Wxr.Meta meta : menuEntries) {
            MenuEntry.parse(meta.value()).ifPresentOrElse(entries::add, () -> tally.note("menu-entry",
                    "A menu entry was left out: it is not one Dateline reads (“" + cut(clean(meta.value()), 80) + "”)."));
        }
        entries.sort(java.util.Comparator.comparing(MenuEntry::menu).thenComparingInt(MenuEntry::place));
        for (MenuEntry entry : entries) {
            Long sectionId = null;
            String url = "";
            String label = "";
            if (entry.kind().equals("section")) {
                sectionId = sectionsBySlug.get(entry.value().strip());
                if (sectionId == null) {
                    tally.note("menu-entry", "The " + entry.menu().code() + " menu's entry for the section "
                            + entry.value().strip() + " was left out: the export has no such section.");
                    continue;
                }
            } else if (entry.kind().equals("link")) {
                int space = entry.value().indexOf(' ');
                url = space < 0 ? entry.value() : entry.value().substring(0, space);
                label = space < 0 ? "" : entry.value().substring(space + 1).strip();
            } else {
                tally.note("menu-entry", "A menu entry of the kind “" + entry.kind() + "” was left out.");
                continue;
            }
            if (!writing) continue;
            Long section = sectionId;
            String link = url;
            String text = label;
            boolean there = parts.pages().menuItems().stream().anyMatch(m -> m.menu() == entry.menu()
                    && (section != null ? section.equals(m.sectionId())
                        : !m.isPage() && !m.isSection() && m.url().equals(link) && m.label().equals(text)));
            if (there) continue;
            try {
                if (section != null) parts.pages().addSectionToMenu(entry.menu(), section);
                else parts.pages().addLinkToMenu(entry.menu(), text, link);
            } catch (InvalidInput e) {
                tally.note("menu-entry", "The " + entry.menu().code() + " menu's link “" + cut(text, 80) + "” was left out: "
                        + String.join(" ", e.problems().values()));
                continue;
            }
            List<MenuItem> menu = parts.pages().menuItems().stream().filter(m -> m.menu() == entry.menu()).toList();
            long added = menu.get(menu.size() - 1).id();
            for (int at = menu.size() - 1; at > entry.place(); at--) parts.pages().moveUp(added);
        }
    }

    /**
     * The role of an account the import opens: the one a Dateline export names, except that an administrator
     * comes in as an editor, with a note. An import never makes anybody an administrator: whoever runs it
     * chooses the administrators themselves. An export that names no role (WordPress's never do) or one
     * Dateline does not know gives the role Author.
     */
    private Role roleOf(Wxr.Author author, String name) {
        Optional<Role> named = Role.named(clean(author.role()));
        if (named.isEmpty()) {
            if (!clean(author.role()).isEmpty()) {
                tally.note("role-unknown", "The author " + name + " had the role “" + clean(author.role())
                        + "”, which Dateline does not know; the account is an Author.");
            }
            return Role.AUTHOR;
        }
        if (named.get() == Role.ADMINISTRATOR) {
            tally.note("role-administrator", "The author " + name + " was an administrator; the account is an Editor. "
                    + "An import makes nobody an administrator: an administrator of this site can make them one.");
            return Role.EDITOR;
        }
        return named.get();
    }

    @Override
    public void term(Wxr.Term term) {
        start();
        if (writing) {
            pendingTerms.add(term);
            return;
        }
        importTerm(term);
    }

    /**
     * Writes the authors and terms read so far in one transaction: a few hundred of them each in its own
     * would wait for the disk a few hundred times.
     */
    private void importAuthorsAndTerms() {
        if (pendingAuthors.isEmpty() && pendingTerms.isEmpty()) return;
        awaitWritten(); // a term after the items (WordPress writes them before) waits for the items' writes
        transaction(h -> {
            pendingAuthors.forEach(this::importAuthor);
            pendingTerms.forEach(this::importTerm);
            return null;
        });
        pendingAuthors.clear();
        pendingTerms.clear();
    }

    private void importTerm(Wxr.Term term) {
        if (term.isCategory()) {
            category(term);
        } else if (term.isTag()) {
            tag(term);
        } else {
            tally.note("other-terms", "Terms of the kind “" + term.taxonomy() + "” were left out: Dateline has sections "
                    + "and tags only.");
        }
    }

    @Override
    public void item(Wxr.Item item) {
        start();
        importAuthorsAndTerms();
        itemsRead++;
        if (!writing && itemsRead % 100 == 0) progress.stage("checking", itemsRead);
        switch (item.postType()) {
            case "attachment" -> {
                if (!writing) attachments.put(item.postId(), attachmentOf(item));
            }
            case "post", "page" -> {
                importMedia();
                checkSize(item);
                if (!writing) {
                    write(null, item);
                } else {
                    batch.add(item);
                    batchComments += item.comments().size();
                    if (batch.size() >= BATCH_ITEMS || batchComments >= BATCH_COMMENTS) flush();
                }
            }
            case DatelineMeta.MENUS_ITEM -> item.meta().stream()
                    .filter(m -> m.key().equals(DatelineMeta.MENU_ENTRY)).forEach(menuEntries::add);
            default -> otherItems.merge(item.postType(), 1, Integer::sum);
        }
    }

    /** Writes what is left, places pages whose parent never came, and reports. */
    ImportReport finish() {
        start();
        importAuthorsAndTerms();
        importMedia();
        flush();
        close();
        if (!waitingPages.isEmpty()) {
            transaction(h -> {
                while (!waitingPages.isEmpty()) {
                    List<Wxr.Item> orphans = waitingPages.remove(waitingPages.keySet().iterator().next());
                    for (Wxr.Item page : orphans) {
                        tally.note("page-parent", "The page “" + clean(page.title()) + "” (line " + page.line()
                                + ") lives under a page that is not in the export; it is at the top of the site now.");
                        page(h, page, true);
                    }
                }
                return null;
            });
        }
        placeMenuEntries();
        if (tally.createdCount("accounts") > 0) {
            tally.note("passwords", "The accounts opened for the export's authors have no password and the role "
                    + "the export gave them (Author when it gave none): each person chooses a password with “Forgot "
                    + "your password?” on the sign-in page, and an administrator can change their role.");
        }
        otherItems.forEach((kind, count) -> tally.note("other-items", String.format(Locale.ENGLISH,
                "%,d item%s of the kind “%s” %s left out: Dateline imports posts, pages and attachments.", count,
                count == 1 ? "" : "s", kind, count == 1 ? "was" : "were")));
        if (writing) {
            progress.stage("articles", articlesDone);
            progress.stage("comments", commentsDone);
        } else {
            progress.stage("checking", itemsRead);
        }
        return tally.report(siteName, !writing);
    }

    // ---- sections and tags

    private void category(Wxr.Term term) {
        String slug = clean(term.slug());
        String name = cut(firstNonBlank(term.name(), slug), MAX_SECTION_NAME);
        categories.put(slug, new String[] {name, clean(term.parentSlug())});
        if (name.isEmpty()) {
            tally.skipped("sections");
            return;
        }
        String sectionSlug = Slugs.isValid(decoded(slug)) ? decoded(slug) : Slugs.of(name);
        Long id = knownId("section", term.id(), "");
        if (id != null) {
            tally.matched("sections");
        } else if (sectionSlugsTaken.containsKey(sectionSlug)) {
            tally.matched("sections");
            id = Long.valueOf(sectionSlugsTaken.get(sectionSlug));
        } else {
            tally.created("sections");
        }
        Long before = id;
        id = transaction(h -> {
            long made = before != null ? before : writing
                    ? parts.articles().importSection(name, sectionSlug, clean(term.description())).id() : madeUp();
            record(h, "section", term.id(), "", made);
            ImportRepository.Target target = new ImportRepository.Target("section", made);
            redirect(h, "/category/" + categoryPath(slug) + "/", target);
            redirect(h, ImportService.queryKey("cat", Long.toString(term.id())), target);
            return made;
        });
        sectionSlugsTaken.put(sectionSlug, Long.toString(id));
        sectionsBySlug.put(slug, id);
        remember("section", term.id(), id);
        if (!clean(term.parentSlug()).isEmpty()) {
            tally.note("flattened", "Categories are flattened, as Dateline's sections have no parents: "
                    + categoryNames(slug) + " became the section " + name + ".");
        }
        stage("sections", sectionsBySlug.size());
    }

    private void tag(Wxr.Term term) {
        String name = cut(firstNonBlank(term.name(), term.slug()), ArticleDraft.MAX_TAG);
        String slug = Slugs.of(name);
        if (slug.isEmpty()) {
            tally.skipped("tags");
            tally.note("tag-name", "The tag “" + name + "” was left out: it has no letter or digit to make an address of.");
            return;
        }
        Long id = knownId("tag", term.id(), "");
        if (id == null) id = parts.articles().tagBySlug(slug).map(t -> t.id()).orElse(null);
        if (id != null) tally.matched("tags");
        else tally.created("tags");
        Long before = id;
        id = transaction(h -> {
            long made = before != null ? before : writing ? parts.articles().importTag(name).id() : madeUp();
            record(h, "tag", term.id(), "", made);
            ImportRepository.Target target = new ImportRepository.Target("tag", made);
            redirect(h, "/tag/" + decoded(clean(term.slug())) + "/", target);
            redirect(h, ImportService.queryKey("tag", decoded(clean(term.slug()))), target);
            return made;
        });
        remember("tag", term.id(), id);
    }

    /** The category's slug with its parents', as WordPress addresses it: {@code world/europe}. */
    private String categoryPath(String slug) {
        List<String> parts = new ArrayList<>();
        String at = slug;
        for (int depth = 0; at != null && !at.isEmpty() && depth < 20; depth++) {
            parts.add(0, decoded(at));
            String[] category = categories.get(at);
            at = category == null ? null : category[1];
        }
        return String.join("/", parts);
    }

    private String categoryNames(String slug) {
        List<String> names = new ArrayList<>();
        String at = slug;
        for (int depth = 0; at != null && !at.isEmpty() && depth < 20; depth++) {
            String[] category = categories.get(at);
            names.add(0, category == null ? at : category[0]);
            at = category == null ? null : category[1];
        }
        return String.join(" › ", names);
    }

    // ---- media

    private Attachment attachmentOf(Wxr.Item item) {
        return new Attachment(item.postId(), clean(item.guid()), firstNonBlank(item.attachmentUrl(), item.guid()),
                item.meta("_wp_attached_file").map(ImportRun::clean).orElse(""), clean(item.title()),
                item.meta("_wp_attachment_image_alt").map(ImportRun::clean).orElse(""), clean(item.link()), item.line());
    }

    /** Brings every attachment in as a media file, once, before the first article that may show one. */
    private void importMedia() {
        if (mediaDone) return;
        mediaDone = true;
        int done = 0;
        int withoutUploads = 0;
        for (Attachment a : attachments.values()) {
            Long id = knownId("media", a.id(), a.guid());
            if (id != null) {
                tally.matched("media");
                if (writing) parts.media().byId(id).ifPresent(m -> moved(a, m));
            } else if (options.uploads().isEmpty()) {
                tally.skipped("media");
                withoutUploads++;
                continue;
            } else {
                id = mediaOf(a);
                if (id == null) continue;
                tally.created("media");
            }
            long mediaId = id;
            transaction(h -> {
                record(h, "media", a.id(), a.guid(), mediaId);
                ImportRepository.Target target = new ImportRepository.Target("media", mediaId);
                redirect(h, ImportService.queryKey("attachment_id", Long.toString(a.id())), target);
                redirect(h, pathOf(a.link()), target);
                return null;
            });
            remember("media", a.id(), mediaId);
            stage("media", ++done);
        }
        if (withoutUploads > 0) {
            tally.note("uploads", String.format(Locale.ENGLISH, "%,d attachment%s not brought in, as no uploads folder "
                    + "was given (--uploads, a copy of wp-content/uploads): articles keep showing the images from the "
                    + "old site's addresses, and featured images are left out.", withoutUploads,
                    withoutUploads == 1 ? " was" : "s were"));
        }
    }

    /** The media file of an attachment's file in the uploads folder; null (and a note) when there is none. */
    private Long mediaOf(Attachment a) {
        Path uploads = options.uploads().orElseThrow().toAbsolutePath().normalize();
        String name = a.file().isEmpty() ? fileOfUrl(a.url()) : a.file();
        Path file = name.isEmpty() ? null : uploads.resolve(name).normalize();
        if (file == null || !file.startsWith(uploads) || !Files.isRegularFile(file)) {
            tally.skipped("media");
            tally.note("media-missing", "The attachment “" + a.title() + "” (line " + a.line() + ") was left out: its "
                    + "file " + (name.isEmpty() ? "is not named" : name + " is not in the uploads folder") + ".");
            return null;
        }
        if (!writing) return madeUp();
        try {
            MediaFile media = parts.media().upload(file.getFileName().toString(), Files.readAllBytes(file), null, a.alt());
            moved(a, media);
            return media.id();
        } catch (InvalidInput e) {
            tally.skipped("media");
            tally.note("media-refused", "The attachment “" + a.title() + "” (" + name + ") was left out: "
                    + String.join(" ", e.problems().values()));
            return null;
        } catch (IOException e) {
            tally.skipped("media");
            tally.note("media-missing", "The attachment “" + a.title() + "” (" + name + ") could not be read: " + e.getMessage());
            return null;
        }
    }

    private void moved(Attachment a, MediaFile media) {
        if (media.variants().isEmpty()) return;
        uploadUrls.add(a.url(), media.url());
        mediaUrls.put(a.id(), media.url());
    }

    private static String fileOfUrl(String url) {
        int at = url == null ? -1 : url.indexOf("/uploads/");
        return at < 0 ? "" : url.substring(at + "/uploads/".length());
    }

    // ---- articles and pages

    /** Refuses the file for an item that no article or page could hold. */
    private void checkSize(Wxr.Item item) {
        String content = item.content() == null ? "" : item.content();
        boolean page = item.postType().equals("page");
        int limit = page ? 500_000 : ArticleDraft.MAX_BODY;
        if (content.length() > limit) {
            throw new WxrException(item.line(), String.format(Locale.ENGLISH, TOO_LONG, page ? "The page" : "The post",
                    clean(item.title()), content.length(), page ? "page" : "article", limit));
        }
    }

    /**
     * Hands the batch read so far to the import's writing thread, once the batch before it is written: the
     * file's next batch is read while this one is written, rather than the reading waiting for the database
     * and the database for the reading. Only the writing thread touches what the writes decide (the tally, the
     * ids known, the records), and this thread reads them only after {@link #awaitWritten}.
     */
    private void flush() {
        if (batch.isEmpty()) return;
        List<Wxr.Item> items = List.copyOf(batch);
        batch.clear();
        batchComments = 0;
        awaitWritten();
        if (writer == null) {
            writer = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "dateline-import-writes");
                thread.setDaemon(true);
                return thread;
            });
        }
        inFlight = writer.submit(() -> {
            transaction(h -> {
                for (Wxr.Item item : items) write(h, item);
                return null;
            });
            progress.stage("articles", articlesDone);
            progress.stage("comments", commentsDone);
        });
    }

    /** Waits for the batch being written, if any; its failure is this thread's. */
    private void awaitWritten() {
        if (inFlight == null) return;
        Future<?> written = inFlight;
        inFlight = null;
        try {
            written.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was interrupted while a batch was being written", e);
        }
    }

    /**
     * Lets the batch being written finish (an import stopped half-way keeps whole batches) and stops the
     * writing thread; for a pass that ends early, as when the file cannot be read to its end.
     */
    @Override
    public void close() {
        try {
            awaitWritten();
        } finally {
            if (writer != null) writer.shutdown();
        }
    }

    private void write(Handle h, Wxr.Item item) {
        if (item.postType().equals("page")) page(h, item, false);
        else article(h, item);
    }

    private void article(Handle h, Wxr.Item item) {
        String title = clean(item.title());
        Long id = knownId("article", item.postId(), item.guid());
        if (id != null) {
            tally.matched("articles");
        } else {
            ArticleStatus status = switch (item.status()) {
                case "publish" -> ArticleStatus.PUBLISHED;
                case "future" -> ArticleStatus.SCHEDULED;
                case "pending" -> ArticleStatus.PENDING;
                case "draft" -> ArticleStatus.DRAFT;
                case "private" -> {
                    tally.note("private", "The private post “" + title + "” is a draft now: Dateline has no private articles.");
                    yield ArticleStatus.DRAFT;
                }
                default -> null;
            };
            if (status == null) {
                tally.skipped("articles");
                tally.note("trash", "The post “" + title + "” (line " + item.line() + ") was left out: its status is "
                        + item.status() + ".");
                item.comments().forEach(c -> tally.skipped("comments"));
                return;
            }
            if (!clean(item.password()).isEmpty() && status.isPublic()) {
                status = ArticleStatus.DRAFT;
                tally.note("password", "The password-protected post “" + title + "” is a draft now: Dateline has no "
                        + "passwords on articles.");
            }
            Instant published = firstNonNull(item.dateGmt(), item.modifiedGmt());
            if (published == null && (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED)) {
                status = ArticleStatus.DRAFT;
                tally.note("no-date", "The post “" + title + "” (line " + item.line() + ") has no date; it is a draft now.");
            }
            id = createArticle(h, item, status, published);
            if (id == null) {
                item.comments().forEach(c -> tally.skipped("comments"));
                return;
            }
        }
        long articleId = id;
        remember("article", item.postId(), articleId);
        articlesDone++;
        comments(h, item, articleId);
    }

    private Long createArticle(Handle h, Wxr.Item item, ArticleStatus status, Instant published) {
        String headline = clean(item.title());
        if (headline.isEmpty()) {
            headline = "Untitled";
            tally.note("untitled", "A post without a title (line " + item.line() + ") is headed “Untitled”.");
        } else if (headline.length() > ArticleDraft.MAX_HEADLINE) {
            tally.note("cut", "The title of the post on line " + item.line() + " was shortened to "
                    + ArticleDraft.MAX_HEADLINE + " characters.");
            headline = cut(headline, ArticleDraft.MAX_HEADLINE);
        }
        boolean markdown = item.meta("_dateline_body_format").filter("markdown"::equals).isPresent();
        String body = markdown ? item.meta("_dateline_source").orElse("") : html(item.content());
        String standfirst = item.meta("_dateline_standfirst")
                .orElseGet(() -> SafeHtml.toPlainText(item.excerpt() == null ? "" : item.excerpt()).strip());
        if (standfirst.length() > ArticleDraft.MAX_STANDFIRST) {
            tally.note("cut", "The excerpt of “" + headline + "” was shortened to " + ArticleDraft.MAX_STANDFIRST
                    + " characters for its standfirst.");
            standfirst = cut(standfirst, ArticleDraft.MAX_STANDFIRST - 1) + "…";
        }
        String slug = slugOf(item);
        Long section = sectionOf(item, headline);
        List<String> tags = new ArrayList<>();
        for (Wxr.TermRef ref : item.terms()) {
            if (!"post_tag".equals(ref.domain())) continue;
            String name = cut(firstNonBlank(ref.name(), ref.slug()), ArticleDraft.MAX_TAG);
            if (!Slugs.of(name).isEmpty() && !tags.contains(name)) tags.add(name);
        }
        Long author = accountsByLogin.get(clean(item.creator()));
        if (author == null) {
            author = fallbackAuthor();
            tally.note("creator", "The post “" + headline + "” names the author “" + clean(item.creator())
                    + "”, who is not among the export's authors; it is credited to the first of them.");
        }
        Long featured = item.meta("_thumbnail_id").map(ImportRun::number)
                .map(wp -> known.getOrDefault("media", Map.of()).get(wp)).orElse(null);
        if (featured == null && item.meta("_thumbnail_id").isPresent() && options.uploads().isPresent()) {
            tally.note("featured", "The featured image of “" + headline + "” was left out: its attachment did not "
                    + "become a media file.");
        }
        ArticleType type = item.meta("_dateline_type").flatMap(ArticleType::ofCode).orElse(null);
        ArticleDraft draft = new ArticleDraft(headline, slug, standfirst, body,
                markdown ? BodyFormat.MARKDOWN : BodyFormat.HTML, type, section, tags, bylinesOf(item, author),
                clean(item.meta(DatelineMeta.PLACE).orElse("")),
                !"closed".equals(clean(item.commentStatus())), writing ? featured : null);
        Instant created = firstNonNull(item.dateGmt(), item.modifiedGmt(), now);
        Instant edited = firstNonNull(item.modifiedGmt(), created);
        boolean out = status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED;
        // a sticky post is pinned: when a Dateline export says when, then; else at its date, so that the newest
        // sticky post comes first, as WordPress shows them
        Instant pinnedAt = !item.sticky() ? null
                : item.meta(DatelineMeta.PINNED_AT).flatMap(ImportRun::instant).orElse(firstNonNull(published, created));
        ImportedArticle imported = new ImportedArticle(draft, status, created, out ? published : null, edited, pinnedAt);
        long id;
        String path;
        if (writing) {
            Article article;
            try {
                article = parts.articles().importArticle(imported);
            } catch (InvalidInput e) {
                tally.skipped("articles");
                tally.note("refused", "The post “" + headline + "” (line " + item.line() + ") was left out: "
                        + String.join(" ", e.problems().values()));
                return null;
            }
            id = article.id();
            path = article.path();
            restoreNotes(item, id, headline);
            if (!slug.isEmpty() && !article.slug().equals(slug)) renamed(headline, slug, article.slug());
        } else {
            id = madeUp();
            String wanted = slug.isEmpty() ? Slugs.of(headline) : slug;
            String free = wanted;
            for (int n = 2; articleSlugs.contains(free); n++) free = wanted + "-" + n;
            articleSlugs.add(free);
            if (!free.equals(wanted)) renamed(headline, wanted, free);
            path = status == ArticleStatus.PUBLISHED ? Permalinks.pathOf(free, published, zone) : null;
        }
        tally.created("articles");
        record(h, "article", item.postId(), item.guid(), id);
        ImportRepository.Target target = new ImportRepository.Target("article", id);
        String link = pathOf(item.link());
        if (link != null && !link.equals(path)) redirect(h, link, target);
        redirect(h, ImportService.queryKey("p", Long.toString(item.postId())), target);
        for (Wxr.Meta meta : item.meta()) {
            if (meta.key().equals("_dateline_former_path")) redirect(h, ImportService.decodedPath(clean(meta.value())), target);
        }
        return id;
    }

    /** Every author a Dateline export names for the article, in byline order; else the item's creator alone. */
    private List<Long> bylinesOf(Wxr.Item item, Long creator) {
        List<Long> authors = new ArrayList<>();
        for (String login : item.meta(DatelineMeta.AUTHORS).orElse("").split(",")) {
            Long id = accountsByLogin.get(clean(login));
            if (id != null && !authors.contains(id)) authors.add(id);
        }
        return authors.isEmpty() ? List.of(creator) : authors;
    }

    /** What a Dateline export says happened to the article after it came out: its public notes, a retraction. */
    private void restoreNotes(Wxr.Item item, long articleId, String headline) {
        for (Wxr.Meta meta : item.meta()) {
            if (!meta.key().equals(DatelineMeta.UPDATE)) continue;
            var update = DatelineMeta.Update.parse(meta.value())
                    .filter(u -> u.kind().equals("update") || u.kind().equals("correction"))
                    .filter(u -> !u.note().isBlank());
            if (update.isEmpty()) {
                tally.note("update", "A public note on “" + headline + "” was left out: it is not one Dateline reads.");
                continue;
            }
            parts.articles().recordUpdate(articleId, new ArticleUpdate(
                    UpdateKind.valueOf(update.get().kind().toUpperCase(Locale.ROOT)), update.get().note(), update.get().at()));
        }
        Optional<String> retraction = item.meta(DatelineMeta.RETRACTED);
        if (retraction.isPresent()) {
            Instant at = item.meta(DatelineMeta.RETRACTED_AT).flatMap(ImportRun::instant).orElse(now);
            parts.articles().importRetraction(articleId, retraction.get(), at);
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void renamed(String headline, String wanted, String given) {
        tally.note("slug", "Another article already had the slug " + wanted + ": “" + headline + "” has the slug "
                + given + " (its old address still leads to it).");
    }

    /**
     * The post's slug as Dateline would make it from WordPress's (decoded, accents dropped: "élections" becomes
     * "elections"); empty when WordPress had none. The old address redirects to the new one either way.
     */
    private static String slugOf(Wxr.Item item) {
        return Slugs.of(decoded(clean(item.postName())));
    }

    private Long sectionOf(Wxr.Item item, String headline) {
        for (Wxr.TermRef ref : item.terms()) {
            if ("category".equals(ref.domain()) && sectionsBySlug.containsKey(clean(ref.slug()))) {
                return sectionsBySlug.get(clean(ref.slug()));
            }
        }
        tally.note("no-section", "The post “" + headline + "” has no category; it is in the section "
                + "Uncategorised (every Dateline article has a section).");
        if (fallbackSection == null) {
            List<Section> sections = parts.articles().sections();
            Optional<Section> named = sections.stream().filter(s -> s.slug().equals("uncategorised")
                    || s.slug().equals("uncategorized")).findFirst();
            if (named.isPresent()) {
                fallbackSection = named.get().id();
            } else {
                tally.created("sections");
                fallbackSection = writing ? parts.articles().importSection("Uncategorised", "uncategorised", "").id() : madeUp();
            }
        }
        return fallbackSection;
    }

    private Long fallbackAuthor() {
        if (fallbackAuthor != null) return fallbackAuthor;
        if (!accountsByLogin.isEmpty()) return fallbackAuthor = accountsByLogin.values().iterator().next();
        List<Account> accounts = parts.accounts().all();
        Optional<Account> admin = accounts.stream().filter(a -> a.role() == Role.ADMINISTRATOR).findFirst();
        if (admin.isPresent()) return fallbackAuthor = admin.get().id();
        tally.created("accounts");
        return fallbackAuthor = writing ? parts.accounts().open(new NewAccount("import@imported.invalid",
                "Archive", Role.AUTHOR, null, "")).id() : madeUp();
    }

    /** A page; {@code orphan} places it at the top of the site when its parent is not (yet) in. */
    private void page(Handle h, Wxr.Item item, boolean orphan) {
        String title = cut(clean(item.title()), MAX_PAGE_TITLE);
        Long id = knownId("page", item.postId(), item.guid());
        if (id != null) {
            tally.matched("pages");
        } else {
            PageStatus status = switch (item.status()) {
                case "publish" -> PageStatus.PUBLISHED;
                case "draft", "pending", "private", "future" -> PageStatus.DRAFT;
                default -> null;
            };
            if (status == null) {
                tally.skipped("pages");
                tally.note("trash", "The page “" + title + "” (line " + item.line() + ") was left out: its status is "
                        + item.status() + ".");
                return;
            }
            if (!item.status().equals("publish") && !item.status().equals("draft")) {
                tally.note("page-status", "The " + item.status() + " page “" + title + "” is a draft now.");
            }
            Long parent = null;
            if (item.parentId() != 0 && !orphan) {
                parent = known.getOrDefault("page", Map.of()).get(item.parentId());
                if (parent == null) {
                    waitingPages.computeIfAbsent(item.parentId(), k -> new ArrayList<>()).add(item);
                    return;
                }
            }
            id = createPage(h, item, title.isEmpty() ? "Untitled" : title, status, parent);
            if (id == null) return;
        }
        remember("page", item.postId(), id);
        item.comments().forEach(c -> {
            if (knownId("comment", c.id(), "") == null) {
                tally.skipped("comments");
                tally.note("page-comments", "Comments on pages were left out: Dateline's pages take no comments.");
            }
        });
        List<Wxr.Item> children = waitingPages.remove(item.postId());
        if (children != null) for (Wxr.Item child : children) page(h, child, false);
    }

    private Long createPage(Handle h, Wxr.Item item, String title, PageStatus status, Long parent) {
        String parentPath = parent == null ? "/" : parentPath(parent);
        String wanted = slugOf(item);
        if (wanted.isEmpty()) wanted = Slugs.of(title).isEmpty() ? "page-" + item.postId() : Slugs.of(title);
        String slug = wanted;
        if (parent == null && PageRules.isReserved(slug)) {
            slug = slug + "-page";
            tally.note("page-slug", "The page “" + title + "” cannot live at /" + wanted + "/, which the site uses "
                    + "itself: it is at /" + slug + "/.");
        }
        String base = slug;
        for (int n = 2; pagePathsTaken.contains(parentPath + slug + "/"); n++) slug = base + "-" + n;
        if (!slug.equals(base)) {
            tally.note("page-slug", "Another page already lives at " + parentPath + base + "/: “" + title + "” is at "
                    + parentPath + slug + "/.");
        }
        boolean markdown = item.meta("_dateline_body_format").filter("markdown"::equals).isPresent();
        String body = markdown ? item.meta("_dateline_source").orElse("") : html(item.content());
        Instant created = firstNonNull(item.dateGmt(), item.modifiedGmt(), now);
        long id;
        if (writing) {
            try {
                Page page = parts.pages().create(new PageDraft(title, slug, parent,
                        markdown ? BodyFormat.MARKDOWN : BodyFormat.HTML, body), status, created,
                        firstNonNull(item.modifiedGmt(), created));
                id = page.id();
                for (Wxr.Meta meta : item.meta()) {
                    if (meta.key().equals("_dateline_menu")) {
                        Menu.ofCode(clean(meta.value())).ifPresent(menu -> parts.pages().addPageToMenu(menu, page.id()));
                    }
                }
            } catch (InvalidInput e) {
                tally.skipped("pages");
                tally.note("refused", "The page “" + title + "” (line " + item.line() + ") was left out: "
                        + String.join(" ", e.problems().values()));
                return null;
            }
        } else {
            id = madeUp();
        }
        String path = parentPath + slug + "/";
        pagePathsTaken.add(path);
        pagePaths.put(id, path);
        tally.created("pages");
        record(h, "page", item.postId(), item.guid(), id);
        ImportRepository.Target target = new ImportRepository.Target("page", id);
        String link = pathOf(item.link());
        if (link != null && !link.equals(path)) redirect(h, link, target);
        redirect(h, ImportService.queryKey("page_id", Long.toString(item.postId())), target);
        redirect(h, ImportService.queryKey("p", Long.toString(item.postId())), target);
        for (Wxr.Meta meta : item.meta()) {
            if (meta.key().equals("_dateline_former_path")) redirect(h, ImportService.decodedPath(clean(meta.value())), target);
        }
        return id;
    }

    private String parentPath(long parentId) {
        String path = pagePaths.get(parentId);
        if (path == null && parentId > 0) {
            path = parts.pages().byId(parentId).map(Page::path).orElse("/");
            pagePaths.put(parentId, path);
        }
        return path == null ? "/" : path;
    }

    /** Item content as HTML: images moved to the media library, then WordPress's blocks and shortcodes made plain. */
    private String html(String content) {
        if (!writing) return "";
        String raw = uploadUrls.rewrite(content == null ? "" : content);
        return WordPressHtml.toHtml(raw, wp -> Optional.ofNullable(mediaUrls.get(wp))
                .or(() -> Optional.ofNullable(attachments.get(wp)).map(Attachment::url)));
    }

    // ---- comments

    private void comments(Handle h, Wxr.Item item, long articleId) {
        Map<Long, Wxr.Comment> byId = new HashMap<>();
        for (Wxr.Comment c : item.comments()) byId.put(c.id(), c);
        List<Wxr.Comment> ordered = new ArrayList<>();
        Set<Long> placed = new HashSet<>();
        for (Wxr.Comment c : item.comments()) placeAfterParents(c, byId, placed, ordered, 0);
        String headline = clean(item.title());
        List<CommentService.Imported> thread = new ArrayList<>();
        List<Long> threadWordPressIds = new ArrayList<>();
        Map<Long, Integer> indexOf = new HashMap<>();
        for (Wxr.Comment c : ordered) {
            Long id = knownId("comment", c.id(), "");
            if (id != null) {
                tally.matched("comments");
                remember("comment", c.id(), id);
                continue;
            }
            CommentService.Imported imported = comment(c, indexOf, headline);
            if (imported == null) continue;
            indexOf.put(c.id(), thread.size());
            thread.add(imported);
            threadWordPressIds.add(c.id());
        }
        if (thread.isEmpty()) return;
        List<Long> ids;
        if (writing) {
            ids = parts.comments().importThread(new CommentService.ImportedThread(articleId, thread));
        } else {
            ids = new ArrayList<>();
            for (int i = 0; i < thread.size(); i++) ids.add(madeUp());
        }
        for (int i = 0; i < ids.size(); i++) {
            remember("comment", threadWordPressIds.get(i), ids.get(i));
            record(h, "comment", threadWordPressIds.get(i), "", ids.get(i));
        }
        commentsDone += ids.size();
    }

    /** Adds the comment to {@code ordered} after the comment it answers, when that one is in the item. */
    private static void placeAfterParents(Wxr.Comment c, Map<Long, Wxr.Comment> byId, Set<Long> placed,
                                          List<Wxr.Comment> ordered, int depth) {
        if (placed.contains(c.id()) || depth > 1000) return;
        placed.add(c.id());
        Wxr.Comment parent = byId.get(c.parentId());
        if (parent != null && !placed.contains(parent.id())) placeAfterParents(parent, byId, placed, ordered, depth + 1);
        ordered.add(c);
    }

    /** The comment as the comments feature takes it, answering a comment new in this thread or stored before; null when it is left out. */
    private CommentService.Imported comment(Wxr.Comment c, Map<Long, Integer> indexOf, String headline) {
        String type = clean(c.type());
        if (type.equals("pingback") || type.equals("trackback")) {
            tally.skipped("comments");
            tally.note("pingbacks", "Pingbacks and trackbacks were left out: Dateline shows readers' comments only.");
            return null;
        }
        String text = c.content() == null ? "" : c.content().strip();
        if (text.isEmpty() || text.length() > CommentService.MAX_LENGTH) {
            tally.skipped("comments");
            tally.note("comment-text", "The comment " + c.id() + " on “" + headline + "” (line " + c.line() + ") was left out: "
                    + (text.isEmpty() ? "it has no text." : "it is longer than " + CommentService.MAX_LENGTH + " characters."));
            return null;
        }
        CommentStatus status = switch (clean(c.approved())) {
            case "1", "approve" -> CommentStatus.APPROVED;
            case "spam" -> CommentStatus.SPAM;
            case "trash", "post-trashed" -> CommentStatus.TRASH;
            default -> CommentStatus.PENDING;
        };
        int parentIndex = -1;
        Long parentId = null;
        if (c.parentId() != 0) {
            Integer index = indexOf.get(c.parentId());
            Long stored = known.getOrDefault("comment", Map.of()).get(c.parentId());
            if (index != null) {
                parentIndex = index;
            } else if (stored != null) {
                parentId = stored > 0 ? stored : null;
            } else {
                tally.note("comment-parent", "The comment " + c.id() + " on “" + headline + "” (line " + c.line()
                        + ") answers comment " + c.parentId() + ", which is not in the export: it is a comment on the "
                        + "article itself now.");
            }
        }
        tally.created("comments");
        return new CommentService.Imported(parentIndex, c.author(), c.authorEmail(), c.authorUrl(), text,
                firstNonNull(c.dateGmt(), now), status, parentId, c.authorIp());
    }

    // ---- records and redirects

    private void start() {
        if (started) return;
        started = true;
        known = parts.repository().recordsOf(source);
        for (String kind : List.of("article", "page", "media")) guids.put(kind, parts.repository().guidsOf(kind));
        redirectPaths = parts.repository().redirectPaths();
        zone = parts.site().settings().timezone();
        for (Section s : parts.articles().sections()) sectionSlugsTaken.put(s.slug(), Long.toString(s.id()));
        for (Page p : parts.pages().all()) {
            pagePaths.put(p.id(), p.path());
            pagePathsTaken.add(p.path());
        }
    }

    private Long knownId(String kind, long wordpressId, String guid) {
        Long id = known.getOrDefault(kind, Map.of()).get(wordpressId);
        if (id == null && guid != null && !guid.isBlank()) id = guids.getOrDefault(kind, Map.of()).get(guid.strip());
        return id;
    }

    private void remember(String kind, long wordpressId, long id) {
        known.computeIfAbsent(kind, k -> new HashMap<>()).put(wordpressId, id);
    }

    /** Notes where a thing came from; written with the rest of its transaction's records at its end. */
    private void record(Handle h, String kind, long wordpressId, String guid, long id) {
        if (h != null) pendingRecords.add(new ImportRepository.Origin(kind, wordpressId, clean(guid), id));
    }

    private void redirect(Handle h, String path, ImportRepository.Target target) {
        if (path == null || path.isEmpty() || path.equals("/")) return;
        if (!redirectPaths.add(path)) {
            tally.matched("redirects");
            return;
        }
        tally.created("redirects");
        if (h != null) pendingRedirects.put(path, target);
    }

    /** Runs the work in a transaction when writing, with the records and redirects it made; with no handle when checking. */
    private <T> T transaction(Function<Handle, T> work) {
        if (!writing) return work.apply(null);
        return parts.repository().inTransaction(h -> {
            T result = work.apply(h);
            parts.repository().record(h, source, pendingRecords, now);
            parts.repository().addRedirects(h, pendingRedirects);
            pendingRecords.clear();
            pendingRedirects.clear();
            return result;
        });
    }

    /** Tells of the writing pass's stages; the checking pass tells only how many items it has read. */
    private void stage(String name, long done) {
        if (writing) progress.stage(name, done);
    }

    private long madeUp() {
        return --madeUp;
    }

    // ---- text

    /** The path of a permalink, decoded; null for none or for a WordPress query address (handled by its id). */
    static String pathOf(String link) {
        if (link == null || link.isBlank()) return null;
        try {
            URI uri = new URI(link.strip().replace(" ", "%20"));
            String query = uri.getRawQuery();
            if (query != null && !query.isEmpty()) return null;
            String path = uri.getPath();
            return path == null || path.isEmpty() || path.equals("/") ? null : path;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String decoded(String slug) {
        try {
            return URLDecoder.decode(slug.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }

    private static Long number(String text) {
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max).strip();
    }

    private static String firstNonBlank(String... texts) {
        for (String t : texts) if (t != null && !t.isBlank()) return t.strip();
        return "";
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
