package dateline.articles;

import dateline.accounts.AccountService;
import dateline.markup.Markdown;
import dateline.markup.SafeHtml;
import dateline.markup.Slugs;
import dateline.site.SiteService;
import dateline.web.Cursor;
import dateline.web.InvalidInput;
import dateline.web.PageRequest;
import dateline.web.Paged;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Writing, publishing and finding articles, their sections and tags. Owns the transactions of its verbs. */
public final class ArticleService {
    static final int MAX_HEADLINE = 300;
    static final int MAX_STANDFIRST = 600;
    static final int MAX_TAG = 60;
    static final int MAX_PLACE = 80;

    private final ArticleRepository repository;
    private final AccountService accounts;
    private final SiteService site;
    private final Markdown markdown;
    private final Clock clock;

    public ArticleService(Jdbi jdbi, AccountService accounts, SiteService site, Markdown markdown, Clock clock) {
        this.repository = new ArticleRepository(jdbi);
        this.accounts = accounts;
        this.site = site;
        this.markdown = markdown;
        this.clock = clock;
    }

    // ---- writing and publishing

    /** Keeps a new draft. */
    public Article write(ArticleDraft draft) {
        Checked checked = check(draft, false, known(List.of(draft)));
        return repository.inTransaction(h -> repository.byId(h, insert(h, checked, ArticleStatus.DRAFT, null)).orElseThrow());
    }

    /** Publishes a draft now, or at the given moment in the past (a back-dated publication). */
    public Article publish(long articleId, Instant publishedAt) {
        var zone = site.settings().timezone();
        return repository.inTransaction(h -> {
            Article article = repository.byId(h, articleId).orElseThrow(() -> new ArticleNotFound(articleId));
            InvalidInput.check()
                    .when(article.bodySource().isBlank(), "body", "Write the article before publishing it.")
                    .throwIfAny();
            if (article.status() == ArticleStatus.PUBLISHED) return article;
            Instant at = publishedAt != null ? publishedAt : clock.instant();
            String path = article.path() != null ? article.path() : Permalinks.pathOf(article.slug(), at, zone);
            repository.publish(h, articleId, path, article.publishedAt() != null ? article.publishedAt() : at,
                    clock.instant());
            return repository.byId(h, articleId).orElseThrow();
        });
    }

    /**
     * Publishes many articles in one transaction, each with its publication moment and the public updates
     * it already had: what a demonstration site or an import needs. All or nothing.
     */
    public List<Long> publishAll(List<Publication> publications) {
        List<Checked> checked = new ArrayList<>(publications.size());
        Known known = known(publications.stream().map(Publication::draft).toList());
        for (Publication p : publications) checked.add(check(p.draft(), true, known));
        var zone = site.settings().timezone();
        return repository.inTransaction(h -> {
            List<Long> ids = new ArrayList<>(publications.size());
            for (int i = 0; i < publications.size(); i++) {
                Publication p = publications.get(i);
                long id = insert(h, checked.get(i), ArticleStatus.DRAFT, p.publishedAt());
                String slug = repository.byId(h, id).orElseThrow().slug();
                repository.publish(h, id, Permalinks.pathOf(slug, p.publishedAt(), zone), p.publishedAt(),
                        p.publishedAt());
                for (ArticleUpdate update : p.updates()) recordUpdate(h, id, update);
                ids.add(id);
            }
            return ids;
        });
    }

    /** Publishes one new article at once. */
    public FullArticle publishNew(ArticleDraft draft, Instant publishedAt) {
        long id = publishAll(List.of(new Publication(draft, publishedAt, List.of()))).get(0);
        return full(id).orElseThrow();
    }

    /**
     * Gives an article a new slug. A published article moves to a new address, and its old address answers
     * with a permanent redirect from then on.
     */
    public Article changeSlug(long articleId, String newSlug) {
        InvalidInput.check().when(!Slugs.isValid(newSlug), "slug",
                "Use lower-case letters, digits and single hyphens, such as election-results.").throwIfAny();
        return repository.inTransaction(h -> {
            Article article = repository.byId(h, articleId).orElseThrow(() -> new ArticleNotFound(articleId));
            if (article.slug().equals(newSlug)) return article;
            if (repository.slugTaken(h, newSlug, articleId)) {
                throw InvalidInput.of("slug", "Another article already uses this slug.");
            }
            String newPath = null;
            if (article.path() != null) {
                newPath = Permalinks.pathOf(newSlug, article.publishedAt(), site.settings().timezone());
                repository.addRedirect(h, article.path(), articleId);
            }
            repository.moveTo(h, articleId, newSlug, newPath, clock.instant());
            return repository.byId(h, articleId).orElseThrow();
        });
    }

    /**
     * Adds a public note to an article. A significant update or a correction moves "Last Updated" (and
     * {@code dateModified}) to its moment; a minor edit never comes here.
     */
    public void recordUpdate(long articleId, ArticleUpdate update) {
        InvalidInput.check()
                .when(update.note() == null || update.note().isBlank(), "note", "Say briefly what changed.")
                .throwIfAny();
        repository.inTransaction(h -> {
            repository.byId(h, articleId).orElseThrow(() -> new ArticleNotFound(articleId));
            recordUpdate(h, articleId, update);
            return null;
        });
    }

    private void recordUpdate(Handle h, long articleId, ArticleUpdate update) {
        repository.addUpdate(h, articleId, update);
        repository.markSignificantlyUpdated(h, articleId, update.happenedAt());
    }

    // ---- sections and tags

    public List<Section> sections() {
        return repository.read(repository::sections);
    }

    public Section openSection(String name, String description) {
        String cleanName = name == null ? "" : name.strip();
        String slug = Slugs.of(cleanName);
        InvalidInput.check()
                .when(cleanName.isEmpty(), "name", "Name the section.")
                .when(cleanName.length() > 60, "name", "Keep the name under 60 characters.")
                .throwIfAny();
        return repository.inTransaction(h -> {
            if (repository.sectionSlugTaken(h, slug)) throw InvalidInput.of("name", "There is already a section with this name.");
            long id = repository.insertSection(h, cleanName, slug, description == null ? "" : description.strip());
            return repository.sections(h).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        });
    }

    public Optional<Tag> tagBySlug(String slug) {
        return repository.read(h -> repository.tagBySlug(h, slug));
    }

    // ---- reading

    /** What a public address leads to. Drafts and scheduled articles have no public address. */
    public ArticleLookup find(String path) {
        return repository.read(h -> {
            Optional<Article> article = repository.byPath(h, path).filter(a -> a.status().isPublic());
            if (article.isPresent()) return new ArticleLookup.Found(full(h, article.get()));
            return repository.redirectTarget(h, path)
                    .<ArticleLookup>map(ArticleLookup.Moved::new)
                    .orElseGet(ArticleLookup.Missing::new);
        });
    }

    public Optional<FullArticle> full(long articleId) {
        return repository.read(h -> repository.byId(h, articleId).map(a -> full(h, a)));
    }

    /** The current address of a public article that once lived at this path, if one did. */
    public Optional<String> redirectFor(String path) {
        return repository.read(h -> repository.redirectTarget(h, path));
    }

    public Paged<ArticleSummary> latest(PageRequest page) {
        return list(ListingScope.everything(), page);
    }

    public Paged<ArticleSummary> inSection(long sectionId, PageRequest page) {
        return list(ListingScope.section(sectionId), page);
    }

    public Paged<ArticleSummary> taggedWith(long tagId, PageRequest page) {
        return list(ListingScope.tag(tagId), page);
    }

    public Paged<ArticleSummary> byAuthor(long accountId, PageRequest page) {
        return list(ListingScope.author(accountId), page);
    }

    public long countPublished() {
        return repository.read(h -> repository.countPublished(h, ListingScope.everything()));
    }

    private Paged<ArticleSummary> list(ListingScope scope, PageRequest page) {
        return repository.read(h -> {
            List<ArticleSummary> rows;
            Cursor older;
            Cursor newer = null;
            boolean newerIsFirstPage = false;
            if (page.after() != null) {
                rows = repository.published(h, scope, page.after(), false, page.size() + 1);
                boolean moreNewer = rows.size() > page.size();
                if (moreNewer) rows = rows.subList(1, rows.size());
                if (moreNewer) newer = cursorOf(rows.get(0));
                older = rows.isEmpty() ? null : cursorOf(rows.get(rows.size() - 1));
            } else {
                rows = repository.published(h, scope, page.before(), true, page.size() + 1);
                boolean moreOlder = rows.size() > page.size();
                if (moreOlder) rows = rows.subList(0, page.size());
                older = moreOlder ? cursorOf(rows.get(rows.size() - 1)) : null;
                if (page.before() != null && !rows.isEmpty()) {
                    Cursor first = cursorOf(rows.get(0));
                    int newerCount = repository.published(h, scope, first, false, page.size() + 1).size();
                    newerIsFirstPage = newerCount > 0 && newerCount <= page.size();
                    if (newerCount > page.size()) newer = first;
                }
            }
            return new Paged<>(withBylines(h, rows), older, newer, newerIsFirstPage);
        });
    }

    private List<ArticleSummary> withBylines(Handle h, List<ArticleSummary> rows) {
        Map<Long, List<Byline>> bylines = repository.bylines(h, rows.stream().map(ArticleSummary::id).toList());
        return rows.stream().map(r -> new ArticleSummary(r.id(), r.path(), r.headline(), r.standfirst(), r.type(),
                r.sectionId(), r.publishedAt(), r.significantlyUpdatedAt(),
                bylines.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Cursor cursorOf(ArticleSummary summary) {
        return new Cursor(summary.publishedAt(), summary.id());
    }

    private FullArticle full(Handle h, Article article) {
        List<Byline> bylines = repository.bylines(h, List.of(article.id())).getOrDefault(article.id(), List.of());
        Optional<Section> section = article.sectionId() == null ? Optional.empty()
                : repository.sections(h).stream().filter(s -> s.id() == article.sectionId()).findFirst();
        return new FullArticle(article, bylines, section, repository.tagsOf(h, article.id()),
                repository.updatesOf(h, article.id()));
    }

    // ---- checking and storing a draft

    private record Checked(ArticleDraft draft, String headline, String slug, boolean slugGiven, String standfirst,
                           String bodyHtml, Map<String, String> tagsBySlug) {}

    /** The sections and authors that exist, looked up once for a whole batch of drafts. */
    private record Known(Set<Long> sectionIds, Set<Long> accountIds) {}

    private Known known(List<ArticleDraft> drafts) {
        Set<Long> wanted = new HashSet<>();
        drafts.forEach(d -> wanted.addAll(d.authorIds() == null ? List.of() : d.authorIds()));
        Set<Long> accountIds = new HashSet<>();
        accounts.byIds(wanted).forEach(a -> accountIds.add(a.id()));
        Set<Long> sectionIds = new HashSet<>();
        sections().forEach(s -> sectionIds.add(s.id()));
        return new Known(sectionIds, accountIds);
    }

    private Checked check(ArticleDraft d, boolean publishing, Known known) {
        String headline = clean(d.headline());
        String slug = clean(d.slug());
        boolean slugGiven = !slug.isEmpty();
        if (!slugGiven) slug = Slugs.of(headline);
        String standfirst = clean(d.standfirst());
        String body = d.body() == null ? "" : d.body();
        Map<String, String> tags = new LinkedHashMap<>();
        boolean tagTooLong = false;
        for (String tag : d.tags() == null ? List.<String>of() : d.tags()) {
            String name = clean(tag);
            if (name.isEmpty()) continue;
            tagTooLong |= name.length() > MAX_TAG;
            String tagSlug = Slugs.of(name);
            if (!tagSlug.isEmpty()) tags.putIfAbsent(tagSlug, name);
        }
        List<Long> authorIds = d.authorIds() == null ? List.of() : d.authorIds();
        Set<Long> distinctAuthors = new HashSet<>(authorIds);
        boolean sectionKnown = d.sectionId() == null || known.sectionIds().contains(d.sectionId());
        InvalidInput.check()
                .when(headline.isEmpty(), "headline", "Write a headline.")
                .when(headline.length() > MAX_HEADLINE, "headline", "Keep the headline under " + MAX_HEADLINE + " characters.")
                .when(slugGiven && !Slugs.isValid(slug), "slug",
                        "Use lower-case letters, digits and single hyphens, such as election-results.")
                .when(!headline.isEmpty() && slug.isEmpty(), "slug", "Choose a slug for the address.")
                .when(standfirst.length() > MAX_STANDFIRST, "standfirst", "Keep the standfirst under " + MAX_STANDFIRST + " characters.")
                .when(publishing && body.isBlank(), "body", "Write the article before publishing it.")
                .when(!sectionKnown, "section", "Choose one of the sections.")
                .when(tagTooLong, "tags", "Keep each tag under " + MAX_TAG + " characters.")
                .when(authorIds.isEmpty(), "authors", "Credit at least one author.")
                .when(distinctAuthors.size() != authorIds.size(), "authors", "Credit each author once.")
                .when(!known.accountIds().containsAll(distinctAuthors), "authors",
                        "Credit authors who have an account.")
                .when(clean(d.datelinePlace()).length() > MAX_PLACE, "dateline", "Keep the place under " + MAX_PLACE + " characters.")
                .throwIfAny();
        String html = d.bodyFormat() == BodyFormat.HTML ? SafeHtml.sanitize(body) : markdown.toSafeHtml(body);
        return new Checked(d, headline, slug, slugGiven, standfirst, html, tags);
    }

    /** Stores a checked draft, created at {@code createdAt} (now when null), with a slug no other article has. */
    private long insert(Handle h, Checked c, ArticleStatus status, Instant createdAt) {
        String slug = c.slug();
        if (repository.slugTaken(h, slug, -1)) {
            if (c.slugGiven()) throw InvalidInput.of("slug", "Another article already uses this slug.");
            String base = slug.length() > Slugs.MAX_LENGTH - 4 ? slug.substring(0, Slugs.MAX_LENGTH - 4) : slug;
            int n = 2;
            while (repository.slugTaken(h, base + "-" + n, -1)) n++;
            slug = base + "-" + n;
        }
        ArticleDraft d = c.draft();
        Instant now = createdAt != null ? createdAt : clock.instant();
        long id = repository.insert(h, new Article(0, slug, null, c.headline(), c.standfirst(),
                d.bodyFormat() == null ? BodyFormat.MARKDOWN : d.bodyFormat(), d.body() == null ? "" : d.body(),
                c.bodyHtml(), status,
                d.type() == null ? ArticleType.NEWS : d.type(), d.sectionId(), clean(d.datelinePlace()),
                null, null, now, now));
        repository.setAuthors(h, id, d.authorIds());
        List<Long> tagIds = new ArrayList<>();
        c.tagsBySlug().forEach((tagSlug, name) -> tagIds.add(repository.tagId(h, name, tagSlug)));
        repository.setTags(h, id, tagIds);
        return id;
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    /** Thrown when an article id names no article. */
    public static final class ArticleNotFound extends RuntimeException {
        public ArticleNotFound(long id) {
            super("No article " + id);
        }
    }
}
