package dateline.articles;

import dateline.accounts.Account;
import dateline.accounts.AccountService;
import dateline.accounts.Permission;
import dateline.articles.ArticleEvent.Kind;
import dateline.markup.Markdown;
import dateline.markup.SafeHtml;
import dateline.markup.Slugs;
import dateline.markup.WordDiff;
import dateline.media.MediaService;
import dateline.site.SiteService;
import dateline.web.Cursor;
import dateline.web.InvalidInput;
import dateline.web.Keyset;
import dateline.web.NotAllowed;
import dateline.web.PageRequest;
import dateline.web.Paged;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verbs of articles: writing, saving, reviewing, scheduling, publishing, updating, correcting and
 * retracting them, keeping every revision; and finding them for readers and for the newsroom. Each verb
 * that a person performs takes the account performing it and checks {@link ArticleRules} itself.
 */
public final class ArticleService {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleService.class);
    private static final int REPLAY_BATCH = 250;
    /** How many pinned articles the front page shows at most above the latest ones. */
    public static final int MOST_PINNED = 5;

    private final ArticleRepository repository;
    private final AccountService accounts;
    private final SiteService site;
    private final MediaService media;
    private final Markdown markdown;
    private final DraftCheck drafts;
    private final Clock clock;
    private final List<ArticleListener> listeners = new CopyOnWriteArrayList<>();

    public ArticleService(Jdbi jdbi, AccountService accounts, SiteService site, MediaService media, Markdown markdown,
                          Clock clock) {
        this.repository = new ArticleRepository(jdbi);
        this.accounts = accounts;
        this.site = site;
        this.media = media;
        this.markdown = markdown;
        this.drafts = new DraftCheck(markdown);
        this.clock = clock;
    }

    /** Lets a listener follow every change to every article from now on. */
    public void addListener(ArticleListener listener) {
        listeners.add(listener);
    }

    // ---- writing

    /** Keeps a new draft, with its first revision. */
    public Article write(ArticleDraft draft, Account by) {
        requireWriter(by, draft.authorIds());
        DraftCheck.Checked checked = drafts.check(draft, false, known(List.of(draft)));
        return told(repository.inTransaction(h -> {
            Article article = repository.byId(h, insert(h, checked, ArticleStatus.DRAFT, null)).orElseThrow();
            repository.insertRevision(h, "save", article, List.copyOf(checked.tagsBySlug().values()), draft.authorIds(),
                    by.id(), article.editedAt());
            return changing(h, ArticleEvent.of(Kind.WRITTEN, now(h, article.id())));
        }));
    }

    /**
     * Saves new content over the version the writer opened. A published article's save is a minor edit,
     * a significant update or a correction; the latter two add a public note and move "Last Updated".
     * When somebody else saved since {@code expectedVersion}, nothing is written and {@link ArticleChanged}
     * says so.
     */
    public Article save(long articleId, ArticleDraft draft, int expectedVersion, Edit edit, Account by) {
        return save(articleId, draft, expectedVersion, edit, by, "save");
    }

    private Article save(long articleId, ArticleDraft draft, int expectedVersion, Edit edit, Account by, String kind) {
        DraftCheck.Checked checked = drafts.check(draft, false, known(List.of(draft)));
        String note = edit instanceof Edit.SignificantUpdate u ? DraftCheck.clean(u.note())
                : edit instanceof Edit.Correction c ? DraftCheck.clean(c.note()) : null;
        InvalidInput.check()
                .when(note != null && note.isEmpty(), "note", "Say briefly, for readers, what changed.")
                .when(note != null && note.length() > 1000, "note", "Keep the note under 1,000 characters.")
                .throwIfAny();
        ZoneId zone = site.settings().timezone();
        return told(repository.inTransaction(h -> {
            Article current = existing(h, articleId);
            List<Long> currentAuthors = repository.authorIdsOf(h, articleId);
            if (!ArticleRules.canEdit(by, current.status(), currentAuthors)) {
                throw new NotAllowed("You may not change this article.");
            }
            requireWriter(by, draft.authorIds());
            boolean isPublic = current.status().isPublic();
            if (note != null && isPublic && !ArticleRules.canPublish(by, currentAuthors)) {
                throw new NotAllowed("Only the article's authors and editors may update it in public.");
            }
            if (current.version() != expectedVersion) throw new ArticleChanged(full(h, current));
            Instant now = clock.instant();
            Article changed = new Article(articleId, current.slug(), current.path(), checked.headline(),
                    checked.standfirst(), checked.format(), checked.body(), checked.bodyHtml(), current.status(),
                    checked.type(), draft.sectionId(), checked.datelinePlace(), current.publishedAt(),
                    current.significantlyUpdatedAt(), current.createdAt(), now, current.version(),
                    draft.commentsOpen(), current.retractionNote(), current.retractedAt(), draft.featuredMediaId(),
                    current.pinnedAt());
            if (!repository.updateContent(h, changed, expectedVersion)) throw new ArticleChanged(full(h, current));
            boolean moves = checked.slugGiven() && !checked.slug().equals(current.slug());
            if (moves) moveTo(h, current, checked.slug(), zone);
            repository.setAuthors(h, articleId, draft.authorIds());
            setTags(h, articleId, checked);
            Long before = repository.latestSavedRevisionId(h, articleId).orElse(null);
            Article saved = existing(h, articleId);
            long revision = repository.insertRevision(h, kind, saved, List.copyOf(checked.tagsBySlug().values()),
                    draft.authorIds(), by.id(), now);
            repository.deleteAutosaves(h, articleId, by.id());
            ArticleUpdate publicNote = null;
            if (note != null && isPublic) {
                UpdateKind updateKind = edit instanceof Edit.Correction ? UpdateKind.CORRECTION : UpdateKind.UPDATE;
                publicNote = new ArticleUpdate(updateKind, note, now);
                repository.addUpdate(h, articleId, publicNote, before, revision, by.id());
                repository.markSignificantlyUpdated(h, articleId, now);
            }
            return changing(h, new ArticleEvent(isPublic ? Kind.UPDATED : Kind.WRITTEN, now(h, articleId),
                    Optional.ofNullable(publicNote), Optional.ofNullable(moves ? current.path() : null)));
        }));
    }

    /**
     * Keeps what the writer has typed so far without changing the article: an autosave revision, one per
     * writer and article, offered back when the editor is opened again. A new article is first kept as a
     * draft, so that there is something to attach it to.
     */
    public Article autosave(Long articleId, ArticleDraft draft, Account by) {
        if (articleId == null) return write(draft, by);
        return repository.inTransaction(h -> {
            Article current = existing(h, articleId);
            if (!ArticleRules.canEdit(by, current.status(), repository.authorIdsOf(h, articleId))) {
                throw new NotAllowed("You may not change this article.");
            }
            Article typed = new Article(articleId, DraftCheck.clean(draft.slug()).isEmpty() ? current.slug() : DraftCheck.clean(draft.slug()),
                    current.path(), DraftCheck.clean(draft.headline()), DraftCheck.clean(draft.standfirst()),
                    draft.bodyFormat() == null ? BodyFormat.MARKDOWN : draft.bodyFormat(),
                    draft.body() == null ? "" : draft.body(), "", current.status(),
                    draft.type() == null ? ArticleType.NEWS : draft.type(), draft.sectionId(),
                    DraftCheck.clean(draft.datelinePlace()), current.publishedAt(), current.significantlyUpdatedAt(),
                    current.createdAt(), current.editedAt(), current.version(), draft.commentsOpen(),
                    current.retractionNote(), current.retractedAt(), draft.featuredMediaId(), current.pinnedAt());
            repository.deleteAutosaves(h, articleId, by.id());
            repository.insertRevision(h, "autosave", typed, draft.tags() == null ? List.of() : draft.tags(),
                    draft.authorIds() == null ? List.of() : draft.authorIds(), by.id(), clock.instant());
            return current;
        });
    }

    /** The writer's autosave of the article, if it is newer than the article's last save. */
    public Optional<Revision> pendingAutosave(long articleId, Account by) {
        return repository.read(h -> {
            Optional<Article> article = repository.byId(h, articleId);
            if (article.isEmpty()) return Optional.empty();
            return repository.revisions(h, articleId).stream()
                    .filter(r -> r.kind().equals("autosave") && by.id() == (r.savedBy() == null ? -1 : r.savedBy()))
                    .filter(r -> r.savedAt().isAfter(article.get().editedAt()))
                    .findFirst();
        });
    }

    /** A contributor hands a draft to the editors. */
    public Article submitForReview(long articleId, Account by) {
        return told(repository.inTransaction(h -> {
            Article current = existing(h, articleId);
            if (!ArticleRules.canEdit(by, current.status(), repository.authorIdsOf(h, articleId))) {
                throw new NotAllowed("You may not change this article.");
            }
            if (current.status() != ArticleStatus.DRAFT) throw InvalidInput.of("status", "Only a draft can be submitted for review.");
            requireReadyToPublish(current);
            repository.setUnpublishedStatus(h, articleId, ArticleStatus.PENDING, clock.instant());
            return changing(h, ArticleEvent.of(Kind.WRITTEN, now(h, articleId)));
        }));
    }

    /**
     * Publishes an article that is not out yet: now when {@code at} is null or has passed (a past moment
     * back-dates it), or at {@code at} when it lies ahead, in which case it waits, scheduled.
     */
    public Article publish(long articleId, Instant at, Account by) {
        ZoneId zone = site.settings().timezone();
        ArticleEvent event = repository.inTransaction(h -> {
            Article current = existing(h, articleId);
            if (!ArticleRules.canPublish(by, repository.authorIdsOf(h, articleId))) {
                throw new NotAllowed(by.role().can(Permission.PUBLISH_OWN_ARTICLES)
                        ? "You may publish only your own articles." : "Submit the article for review; an editor will publish it.");
            }
            if (current.status().isPublic()) return null;
            requireReadyToPublish(current);
            Instant now = clock.instant();
            if (at != null && at.isAfter(now)) {
                repository.schedule(h, articleId, at, now);
                return changing(h, ArticleEvent.of(Kind.WRITTEN, now(h, articleId)));
            }
            Instant moment = at != null ? at : now;
            repository.publish(h, articleId, Permalinks.pathOf(current.slug(), moment, zone), moment, now);
            return changing(h, ArticleEvent.of(Kind.PUBLISHED, now(h, articleId)));
        });
        return event == null ? full(articleId).orElseThrow().article() : told(event);
    }

    /** Takes a scheduled article back to a draft. */
    public Article unschedule(long articleId, Account by) {
        return told(repository.inTransaction(h -> {
            Article current = existing(h, articleId);
            if (!ArticleRules.canPublish(by, repository.authorIdsOf(h, articleId))) throw new NotAllowed("You may not unschedule this article.");
            if (current.status() != ArticleStatus.SCHEDULED) throw InvalidInput.of("status", "This article is not scheduled.");
            repository.setUnpublishedStatus(h, articleId, ArticleStatus.DRAFT, clock.instant());
            return changing(h, ArticleEvent.of(Kind.WRITTEN, now(h, articleId)));
        }));
    }

    /**
     * Publishes every scheduled article whose moment has come. Each publication is claimed in the database,
     * so that however many nodes run this at once, every article is published exactly once.
     */
    public int publishDue() {
        ZoneId zone = site.settings().timezone();
        Instant now = clock.instant();
        List<ArticleEvent> published = repository.inTransaction(h -> {
            List<ArticleEvent> events = new ArrayList<>();
            for (Article due : repository.dueForPublication(h, now)) {
                if (repository.claimScheduled(h, due.id(), Permalinks.pathOf(due.slug(), due.publishedAt(), zone), now)) {
                    LOG.info("Published scheduled article {} at {}", due.id(), due.publishedAt());
                    events.add(changing(h, ArticleEvent.of(Kind.PUBLISHED, now(h, due.id()))));
                }
            }
            return events;
        });
        published.forEach(this::told);
        return published.size();
    }

    /** Retracts a published article: the page stays, marked at the top with the note; lists drop it. */
    public Article retract(long articleId, String note, Account by) {
        if (!ArticleRules.canRetract(by)) throw new NotAllowed("Only editors may retract articles.");
        String cleanNote = DraftCheck.clean(note);
        InvalidInput.check()
                .when(cleanNote.isEmpty(), "retraction_note", "Tell readers why the article is retracted.")
                .when(cleanNote.length() > 2000, "retraction_note", "Keep the note under 2,000 characters.")
                .throwIfAny();
        return told(repository.inTransaction(h -> {
            Article current = existing(h, articleId);
            if (current.status() != ArticleStatus.PUBLISHED) throw InvalidInput.of("status", "Only a published article can be retracted.");
            repository.retract(h, articleId, cleanNote, clock.instant());
            return changing(h, ArticleEvent.of(Kind.RETRACTED, now(h, articleId)));
        }));
    }

    // ---- the front page's pins

    /**
     * Pins an article to the top of the front page (WordPress's "sticky" posts), as the newest pin: the front
     * page shows it above the latest articles once it is published, for as long as it stays pinned and
     * published. Only editors and administrators pin; a retracted article cannot be pinned. Pinning a pinned
     * article changes nothing; neither does either verb count as an edit of the article (its version stays).
     */
    public Article pin(long articleId, Account by) {
        return changePin(articleId, by, true);
    }

    /** Takes an article off the top of the front page; it stays in the latest articles by its date. */
    public Article unpin(long articleId, Account by) {
        return changePin(articleId, by, false);
    }

    private Article changePin(long articleId, Account by, boolean pinned) {
        if (!ArticleRules.canPin(by)) throw new NotAllowed("Only editors may pin articles to the front page.");
        ArticleEvent event = repository.inTransaction(h -> {
            Article current = existing(h, articleId);
            if (current.pinned() == pinned) return null;
            if (pinned && current.status() == ArticleStatus.RETRACTED) {
                throw InvalidInput.of("pinned", "A retracted article cannot be pinned to the front page.");
            }
            if (pinned) repository.pin(h, articleId, clock.instant());
            else repository.unpin(h, articleId);
            return changing(h, ArticleEvent.of(current.status() == ArticleStatus.PUBLISHED ? Kind.PINNED : Kind.WRITTEN,
                    now(h, articleId)));
        });
        return event == null ? full(articleId).orElseThrow().article() : told(event);
    }

    /**
     * The published articles pinned to the front page, the newest pin first, at most {@link #MOST_PINNED}: a
     * pin older than those stays, and shows again once a newer one is taken off.
     */
    public List<ArticleSummary> pinned() {
        return repository.read(h -> withBylines(h, repository.pinned(h, MOST_PINNED)));
    }

    // ---- revisions

    /** Every revision of an article, newest first. */
    public List<Revision> revisions(long articleId, Account by) {
        return repository.read(h -> {
            if (!ArticleRules.canSee(by, repository.authorIdsOf(h, articleId))) throw new NotAllowed("You may not see this article.");
            return repository.revisions(h, articleId);
        });
    }

    public Optional<Revision> revision(long revisionId) {
        return repository.read(h -> repository.revision(h, revisionId));
    }

    /** What changed from one revision to another, field by field, in the text as it was typed. */
    public List<FieldDiff> compare(Revision from, Revision to) {
        List<FieldDiff> diffs = new ArrayList<>();
        diffs.add(new FieldDiff("Headline", WordDiff.between(from.headline(), to.headline())));
        diffs.add(new FieldDiff("Slug", WordDiff.between(from.slug(), to.slug())));
        diffs.add(new FieldDiff("Standfirst", WordDiff.between(from.standfirst(), to.standfirst())));
        diffs.add(new FieldDiff("Body", WordDiff.between(from.bodySource(), to.bodySource())));
        diffs.add(new FieldDiff("Dateline", WordDiff.between(from.datelinePlace(), to.datelinePlace())));
        diffs.add(new FieldDiff("Type", WordDiff.between(from.type().label(), to.type().label())));
        diffs.add(new FieldDiff("Tags", WordDiff.between(String.join(", ", from.tags()), String.join(", ", to.tags()))));
        diffs.add(new FieldDiff("Authors", WordDiff.between(authorNames(from.authorIds()), authorNames(to.authorIds()))));
        diffs.add(new FieldDiff("Featured image", WordDiff.between(mediaName(from.featuredMediaId()),
                mediaName(to.featuredMediaId()))));
        return diffs;
    }

    /** Makes an earlier revision the article's content again, as a new revision (a minor edit when it is out). */
    public Article restore(long articleId, long revisionId, int expectedVersion, Account by) {
        Revision revision = revision(revisionId).filter(r -> r.articleId() == articleId)
                .orElseThrow(() -> InvalidInput.of("revision", "There is no such revision of this article."));
        boolean commentsOpen = full(articleId).map(f -> f.article().commentsOpen()).orElse(true);
        return save(articleId, revision.toDraft(commentsOpen), expectedVersion, Edit.minor(), by, "restore");
    }

    // ---- for demonstration sites and imports

    /**
     * Publishes many articles in one transaction, each with its publication moment and the public updates
     * it already had. All or nothing.
     */
    public List<Long> publishAll(List<Publication> publications) {
        DraftCheck.Known known = known(publications.stream().map(Publication::draft).toList());
        List<DraftCheck.Checked> checked = new ArrayList<>(publications.size());
        for (Publication p : publications) checked.add(drafts.check(p.draft(), true, known));
        ZoneId zone = site.settings().timezone();
        List<ArticleEvent> events = repository.inTransaction(h -> {
            List<ArticleEvent> published = new ArrayList<>(publications.size());
            for (int i = 0; i < publications.size(); i++) {
                Publication p = publications.get(i);
                long id = insert(h, checked.get(i), ArticleStatus.DRAFT, p.publishedAt());
                Article article = existing(h, id);
                repository.insertRevision(h, "save", article, List.copyOf(checked.get(i).tagsBySlug().values()),
                        p.draft().authorIds(), null, p.publishedAt());
                repository.publish(h, id, Permalinks.pathOf(article.slug(), p.publishedAt(), zone), p.publishedAt(),
                        p.publishedAt());
                for (ArticleUpdate update : p.updates()) {
                    repository.addUpdate(h, id, update, null, null, null);
                    repository.markSignificantlyUpdated(h, id, update.happenedAt());
                }
                published.add(changing(h, ArticleEvent.of(Kind.PUBLISHED, now(h, id))));
            }
            return published;
        });
        events.forEach(this::told);
        return events.stream().map(e -> e.article().article().id()).toList();
    }

    /**
     * Keeps an article brought from another system as it stood there: its status (a published one gets its
     * address from its own publication moment, a scheduled one waits for it), its dates and its revision,
     * recorded as an import, pinned to the front page when it was there. A slug another article holds gets the first free {@code -2}, {@code -3}…, so the
     * caller compares the answer's slug with the one it asked for. Listeners hear of it as of any new
     * article (search indexes it, webhooks announce a publication); the after-commit half waits for the
     * commit of whatever transaction this one joins, so a batch of imports is told only once it is stored.
     */
    public Article importArticle(ImportedArticle imported) {
        ArticleDraft draft = imported.draft();
        DraftCheck.Checked checked = drafts.check(draft, false, known(List.of(draft)));
        ZoneId zone = site.settings().timezone();
        return repository.inTransaction(h -> {
            String wanted = checked.slugGiven() ? checked.slug() : Slugs.of(checked.headline());
            DraftCheck.Checked placed = new DraftCheck.Checked(draft, checked.headline(), freeSlug(h, wanted), true,
                    checked.standfirst(), checked.body(), checked.bodyHtml(), checked.tagsBySlug(), checked.datelinePlace());
            Instant created = imported.createdAt() != null ? imported.createdAt() : clock.instant();
            Instant edited = imported.editedAt() != null ? imported.editedAt() : created;
            long id = insert(h, placed, ArticleStatus.DRAFT, created);
            repository.insertRevision(h, "import", existing(h, id), List.copyOf(placed.tagsBySlug().values()),
                    draft.authorIds(), null, edited);
            Kind kind = Kind.WRITTEN;
            switch (imported.status()) {
                case PUBLISHED -> {
                    repository.publish(h, id, Permalinks.pathOf(placed.slug(), imported.publishedAt(), zone),
                            imported.publishedAt(), edited);
                    kind = Kind.PUBLISHED;
                }
                case SCHEDULED -> repository.schedule(h, id, imported.publishedAt(), edited);
                default -> repository.setUnpublishedStatus(h, id, imported.status(), edited);
            }
            if (imported.pinnedAt() != null) repository.pin(h, id, imported.pinnedAt());
            ArticleEvent event = changing(h, ArticleEvent.of(kind, now(h, id)));
            h.afterCommit(() -> told(event));
            return event.article().article();
        });
    }

    /**
     * Retracts an imported article as the site it came from had retracted it: with its note and its moment,
     * and no editor to check, since the import is the administrator's.
     */
    public Article importRetraction(long articleId, String note, Instant at) {
        String cleanNote = DraftCheck.clean(note);
        return told(repository.inTransaction(h -> {
            Article current = existing(h, articleId);
            if (current.status() != ArticleStatus.PUBLISHED) throw InvalidInput.of("status", "Only a published article can be retracted.");
            repository.retract(h, articleId, cleanNote.isEmpty() ? "Retracted." : cleanNote, at);
            return changing(h, ArticleEvent.of(Kind.RETRACTED, now(h, articleId)));
        }));
    }

    /**
     * The section with this slug, opened when there is none (an import keeps the slugs of the categories it
     * brings, so their old addresses can lead to the sections). A slug that is not one Dateline would make is
     * made again from the name.
     */
    public Section importSection(String name, String slug, String description) {
        String cleanName = DraftCheck.clean(name);
        String wanted = Slugs.isValid(DraftCheck.clean(slug)) ? DraftCheck.clean(slug) : Slugs.of(cleanName);
        InvalidInput.check()
                .when(cleanName.isEmpty() || wanted.isEmpty(), "name", "Name the section.")
                .when(cleanName.length() > 60, "name", "Keep the name under 60 characters.")
                .throwIfAny();
        boolean[] opened = {false};
        Section section = repository.inTransaction(h -> {
            Optional<Section> there = repository.sections(h).stream().filter(s -> s.slug().equals(wanted)).findFirst();
            if (there.isPresent()) return there.get();
            long id = repository.insertSection(h, cleanName, wanted, DraftCheck.clean(description));
            opened[0] = true;
            return repository.sections(h).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        });
        if (opened[0]) for (ArticleListener listener : listeners) listener.sectionsChanged();
        return section;
    }

    /** The tag of this name, made when the site has none yet (a tag an import brings before any article uses it). */
    public Tag importTag(String name) {
        String cleanName = DraftCheck.clean(name);
        String slug = Slugs.of(cleanName);
        InvalidInput.check()
                .when(slug.isEmpty(), "tag", "Name the tag.")
                .when(cleanName.length() > ArticleDraft.MAX_TAG, "tag", "Keep each tag under " + ArticleDraft.MAX_TAG + " characters.")
                .throwIfAny();
        return repository.inTransaction(h -> {
            repository.tagId(h, cleanName, slug);
            return repository.tagBySlug(h, slug).orElseThrow();
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
        ZoneId zone = site.settings().timezone();
        return told(repository.inTransaction(h -> {
            Article current = existing(h, articleId);
            moveTo(h, current, newSlug, zone);
            boolean isPublic = current.status().isPublic();
            return changing(h, new ArticleEvent(isPublic ? Kind.UPDATED : Kind.WRITTEN, now(h, articleId), Optional.empty(),
                    Optional.ofNullable(isPublic && !current.slug().equals(newSlug) ? current.path() : null)));
        }));
    }

    /** Adds a public note to an article without changing its text; it moves "Last Updated". */
    public void recordUpdate(long articleId, ArticleUpdate update) {
        InvalidInput.check()
                .when(update.note() == null || update.note().isBlank(), "note", "Say briefly what changed.")
                .throwIfAny();
        told(repository.inTransaction(h -> {
            Article current = existing(h, articleId);
            Long revision = repository.latestSavedRevisionId(h, articleId).orElse(null);
            repository.addUpdate(h, articleId, update, revision, revision, null);
            repository.markSignificantlyUpdated(h, articleId, update.happenedAt());
            return changing(h, new ArticleEvent(current.status().isPublic() ? Kind.UPDATED : Kind.WRITTEN,
                    now(h, articleId), Optional.of(update), Optional.empty()));
        }));
    }

    // ---- sections and tags

    public List<Section> sections() {
        return repository.read(repository::sections);
    }

    public Section openSection(String name, String description) {
        String cleanName = DraftCheck.clean(name);
        String slug = Slugs.of(cleanName);
        InvalidInput.check()
                .when(cleanName.isEmpty(), "name", "Name the section.")
                .when(cleanName.length() > 60, "name", "Keep the name under 60 characters.")
                .throwIfAny();
        Section opened = repository.inTransaction(h -> {
            if (repository.sectionSlugTaken(h, slug)) throw InvalidInput.of("name", "There is already a section with this name.");
            long id = repository.insertSection(h, cleanName, slug, DraftCheck.clean(description));
            return repository.sections(h).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        });
        for (ArticleListener listener : listeners) listener.sectionsChanged();
        return opened;
    }

    public Optional<Tag> tagBySlug(String slug) {
        return repository.read(h -> repository.tagBySlug(h, slug));
    }

    // ---- reading, for readers

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

    /**
     * The article alone, in one statement, without what its page shows beside it (bylines, section, tags,
     * updates): for a comment post, which needs only its state and address, and is sent hundreds of times a
     * second when a story is picked up.
     */
    public Optional<Article> byId(long articleId) {
        return repository.read(h -> repository.byId(h, articleId));
    }

    public Optional<FullArticle> full(long articleId) {
        return repository.read(h -> repository.byId(h, articleId).map(a -> full(h, a)));
    }

    /** The current address of a public article that once lived at this path, if one did. */
    public Optional<String> redirectFor(String path) {
        return repository.read(h -> repository.redirectTarget(h, path));
    }

    /** A public article's significant updates and corrections, each with what changed in its text. */
    public Optional<ArticleHistory> history(String articlePath) {
        return repository.read(h -> repository.byPath(h, articlePath).filter(a -> a.status().isPublic()).map(article -> {
            List<ArticleHistory.Entry> entries = new ArrayList<>();
            for (ArticleRepository.UpdateWithRevisions u : repository.updatesWithRevisions(h, article.id())) {
                Optional<Revision> from = u.fromRevision() == null ? Optional.empty() : repository.revision(h, u.fromRevision());
                Optional<Revision> to = u.toRevision() == null ? Optional.empty() : repository.revision(h, u.toRevision());
                List<FieldDiff> changes = from.isPresent() && to.isPresent() ? publicChanges(from.get(), to.get()) : List.of();
                entries.add(new ArticleHistory.Entry(u.update(), changes));
            }
            return new ArticleHistory(full(h, article), entries);
        }));
    }

    /** Corrections across the site, newest first. */
    public Paged<Correction> corrections(PageRequest page) {
        return repository.read(h -> {
            List<Correction> rows = repository.corrections(h, page.before(), page.size() + 1);
            boolean more = rows.size() > page.size();
            if (more) rows = rows.subList(0, page.size());
            Correction last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            return new Paged<>(rows, more ? new Cursor(last.happenedAt(), last.id()) : null, null, page.before() != null);
        });
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

    /** Published articles meeting every condition of the filter, newest first. */
    public Paged<ArticleSummary> published(ArticleFilter filter, PageRequest page) {
        return list(ListingScope.of(filter), page);
    }

    /** A public article (published or retracted) by its slug. */
    public Optional<FullArticle> publicBySlug(String slug) {
        return repository.read(h -> repository.bySlug(h, slug).filter(a -> a.status().isPublic()).map(a -> full(h, a)));
    }

    /** Every tag, by name. */
    public List<Tag> tags() {
        return repository.read(repository::tags);
    }

    /** An article's text without markup, for excerpts and summaries. */
    public String plainText(Article a) {
        return a.bodyFormat() == BodyFormat.MARKDOWN ? markdown.toPlainText(a.bodySource())
                : SafeHtml.toPlainText(a.bodyHtml());
    }

    /** Published articles that came out after {@code moment}, newest first, at most {@code limit}. */
    public List<ArticleSummary> publishedAfter(Instant moment, int limit) {
        return list(ListingScope.publishedAfter(moment), PageRequest.first(limit)).items();
    }

    /** These articles with everything their pages show, in the order asked for; unknown ids are left out. */
    public List<FullArticle> fullArticles(List<Long> articleIds) {
        return repository.read(h -> articleIds.stream()
                .map(id -> repository.byId(h, id).map(a -> full(h, a)))
                .flatMap(Optional::stream)
                .toList());
    }

    /**
     * The numbered id ranges of {@code perRange} ids that hold public pages of the kind, each with its
     * latest change: the pages of a sitemap. Range {@code n} always holds the same ids, so a page stays in
     * the same file of the sitemap for good and any file costs what the first costs.
     */
    public Map<Integer, Instant> addressRanges(PublicAddress.Kind kind, int perRange) {
        return repository.read(h -> repository.addressRanges(h, kind, perRange));
    }

    /** Hands each public page of the kind in id range {@code number} to {@code each}, one row at a time. */
    public void eachAddress(PublicAddress.Kind kind, int number, int perRange, java.util.function.Consumer<PublicAddress> each) {
        long from = (long) (number - 1) * perRange + 1;
        repository.read(h -> {
            repository.eachAddress(h, kind, from, from + perRange - 1, each);
            return null;
        });
    }

    public long countPublished() {
        return repository.read(h -> repository.countPublished(h, ListingScope.everything()));
    }

    // ---- reading, for an export

    /**
     * Every article whatever its status, by id, from just after {@code afterId}, at most {@code limit}: an
     * export walks the whole site this way a batch at a time, so that any number of articles fits in memory.
     */
    public List<FullArticle> everyAfter(long afterId, int limit) {
        return repository.read(h -> repository.after(h, afterId, limit).stream().map(a -> full(h, a)).toList());
    }

    /** The addresses these articles once had and that now redirect to them, by article id. */
    public Map<Long, List<String>> formerPaths(Collection<Long> articleIds) {
        return repository.read(h -> repository.formerPaths(h, articleIds));
    }

    // ---- reading, for the newsroom

    /** An article as the editor opens it, if the account may see it. */
    public Optional<FullArticle> forEditing(long articleId, Account by) {
        return repository.read(h -> repository.byId(h, articleId)
                .filter(a -> ArticleRules.canSee(by, repository.authorIdsOf(h, a.id())))
                .map(a -> full(h, a)));
    }

    /** The newsroom's list, most recently edited first; those who may not see everybody's see their own. */
    public Paged<ArticleSummary> forNewsroom(NewsroomQuery query, Cursor before, int size, Account viewer) {
        NewsroomQuery scoped = viewer.role().can(Permission.EDIT_OTHERS_ARTICLES) ? query
                : new NewsroomQuery(query.status(), query.sectionId(), query.authorId(), query.text(), viewer.id());
        return repository.read(h -> {
            List<ArticleSummary> rows = repository.forNewsroom(h, scoped, before, size + 1);
            boolean more = rows.size() > size;
            if (more) rows = rows.subList(0, size);
            ArticleSummary last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            return new Paged<>(withBylines(h, rows), more ? new Cursor(last.editedAt(), last.id()) : null, null, before != null);
        });
    }

    /**
     * The summaries of these articles with their bylines, in the order given, whatever their status: for a
     * feature that found the articles itself (search) and checks itself who may see them. Unknown ids are left out.
     */
    public List<ArticleSummary> summaries(List<Long> articleIds) {
        return repository.read(h -> {
            Map<Long, ArticleSummary> byId = new java.util.HashMap<>();
            withBylines(h, repository.summaries(h, articleIds)).forEach(s -> byId.put(s.id(), s));
            return articleIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        });
    }

    /** How many articles are in each status: everybody's for editors, one's own for the others. */
    public Map<ArticleStatus, Long> counts(Account viewer) {
        Long visibleTo = viewer.role().can(Permission.EDIT_OTHERS_ARTICLES) ? null : viewer.id();
        return repository.read(h -> repository.countByStatus(h, visibleTo));
    }

    // ---- replaying

    /**
     * Tells a listener of every article as it now stands, by id, a few hundred in each transaction, as if
     * each had just been written, published or retracted: how whatever a listener keeps (a search index) is
     * built again from the articles. Other listeners hear nothing. Returns how many articles it told of.
     */
    public long replay(ArticleListener listener) {
        long after = 0;
        long told = 0;
        while (true) {
            long from = after;
            List<Long> ids = repository.inTransaction(h -> {
                List<Long> done = new ArrayList<>();
                for (Article article : repository.after(h, from, REPLAY_BATCH)) {
                    Kind kind = article.status() == ArticleStatus.PUBLISHED ? Kind.PUBLISHED
                            : article.status() == ArticleStatus.RETRACTED ? Kind.RETRACTED : Kind.WRITTEN;
                    listener.changing(h, ArticleEvent.of(kind, full(h, article)));
                    done.add(article.id());
                }
                return done;
            });
            if (ids.isEmpty()) return told;
            told += ids.size();
            after = ids.get(ids.size() - 1);
        }
    }

    // ---- inside

    private Paged<ArticleSummary> list(ListingScope scope, PageRequest page) {
        return repository.read(h -> Keyset.map(
                Keyset.page(page, (cursor, older, limit) -> repository.published(h, scope, cursor, older, limit),
                        ArticleService::cursorOf),
                rows -> withBylines(h, rows)));
    }

    private List<ArticleSummary> withBylines(Handle h, List<ArticleSummary> rows) {
        Map<Long, List<Byline>> bylines = repository.bylines(h, rows.stream().map(ArticleSummary::id).toList());
        return rows.stream().map(r -> new ArticleSummary(r.id(), r.path(), r.headline(), r.standfirst(), r.type(),
                r.sectionId(), r.publishedAt(), r.significantlyUpdatedAt(),
                bylines.getOrDefault(r.id(), List.of()), r.status(), r.editedAt(), r.featuredMediaId(), r.pinnedAt()))
                .toList();
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

    /** What readers see changed: headline, standfirst and the body as text, without markup. */
    private List<FieldDiff> publicChanges(Revision from, Revision to) {
        return List.of(
                new FieldDiff("Headline", WordDiff.between(from.headline(), to.headline())),
                new FieldDiff("Standfirst", WordDiff.between(from.standfirst(), to.standfirst())),
                new FieldDiff("Text", WordDiff.aroundChanges(WordDiff.between(readableText(from), readableText(to)), 12)))
                .stream().filter(FieldDiff::changed).toList();
    }

    private String readableText(Revision r) {
        return r.bodyFormat() == BodyFormat.MARKDOWN ? markdown.toPlainText(r.bodySource())
                : SafeHtml.toPlainText(r.bodySource());
    }

    private String authorNames(List<Long> ids) {
        Map<Long, String> names = new java.util.HashMap<>();
        accounts.byIds(ids).forEach(a -> names.put(a.id(), a.name()));
        return String.join(", ", ids.stream().map(id -> names.getOrDefault(id, "#" + id)).toList());
    }

    private String mediaName(Long mediaId) {
        return mediaId == null ? "none" : media.byId(mediaId).map(m -> m.originalName()).orElse("#" + mediaId);
    }

    private FullArticle now(Handle h, long articleId) {
        return full(h, existing(h, articleId));
    }

    /** Tells the listeners of a change inside its transaction; returns the event, to be told after commit. */
    private ArticleEvent changing(Handle h, ArticleEvent event) {
        for (ArticleListener listener : listeners) listener.changing(h, event);
        return event;
    }

    /** Tells the listeners of a committed change; returns the changed article. */
    private Article told(ArticleEvent event) {
        for (ArticleListener listener : listeners) {
            try {
                listener.changed(event);
            } catch (RuntimeException e) {
                LOG.warn("A listener failed on {} of article {}", event.kind(), event.article().article().id(), e);
            }
        }
        return event.article().article();
    }

    private Article existing(Handle h, long articleId) {
        return repository.byId(h, articleId).orElseThrow(() -> new ArticleNotFound(articleId));
    }

    private void requireWriter(Account by, List<Long> authorIds) {
        if (!by.role().can(Permission.WRITE_ARTICLES)) throw new NotAllowed("You may not write articles.");
        if (!ArticleRules.canCreditOthers(by) && (authorIds == null || !authorIds.contains(by.id()))) {
            throw InvalidInput.of("authors", "Keep yourself among the authors; an editor can change the byline.");
        }
    }

    private static void requireReadyToPublish(Article article) {
        InvalidInput.check()
                .when(article.headline().isBlank(), "headline", "Write a headline before publishing.")
                .when(article.bodySource().isBlank(), "body", "Write the article before publishing it.")
                .throwIfAny();
    }

    private void moveTo(Handle h, Article article, String newSlug, ZoneId zone) {
        if (article.slug().equals(newSlug)) return;
        if (repository.slugTaken(h, newSlug, article.id())) throw InvalidInput.of("slug", "Another article already uses this slug.");
        String newPath = null;
        if (article.path() != null) {
            newPath = Permalinks.pathOf(newSlug, article.publishedAt(), zone);
            repository.addRedirect(h, article.path(), article.id());
        }
        repository.moveTo(h, article.id(), newSlug, newPath, clock.instant());
    }

    private DraftCheck.Known known(List<ArticleDraft> drafts) {
        Set<Long> wanted = new HashSet<>();
        drafts.forEach(d -> wanted.addAll(d.authorIds() == null ? List.of() : d.authorIds()));
        Set<Long> accountIds = new HashSet<>();
        accounts.byIds(wanted).forEach(a -> accountIds.add(a.id()));
        Set<Long> sectionIds = new HashSet<>();
        sections().forEach(s -> sectionIds.add(s.id()));
        Set<Long> wantedMedia = new HashSet<>();
        drafts.forEach(d -> {
            if (d.featuredMediaId() != null) wantedMedia.add(d.featuredMediaId());
        });
        Set<Long> mediaIds = new HashSet<>();
        media.byIds(wantedMedia).forEach(m -> mediaIds.add(m.id()));
        return new DraftCheck.Known(sectionIds, accountIds, mediaIds);
    }

    /** Stores a checked draft, created at {@code createdAt} (now when null), with a slug no other article has. */
    private long insert(Handle h, DraftCheck.Checked c, ArticleStatus status, Instant createdAt) {
        String slug = c.slugGiven() ? c.slug() : Slugs.of(c.headline());
        if (repository.slugTaken(h, slug, -1)) {
            if (c.slugGiven()) throw InvalidInput.of("slug", "Another article already uses this slug.");
            slug = freeSlug(h, slug);
        }
        ArticleDraft d = c.draft();
        Instant now = createdAt != null ? createdAt : clock.instant();
        long id = repository.insert(h, new Article(0, slug, null, c.headline(), c.standfirst(), c.format(), c.body(),
                c.bodyHtml(), status, c.type(), d.sectionId(), c.datelinePlace(), null, null, now, now, 1,
                d.commentsOpen(), "", null, d.featuredMediaId(), null));
        repository.setAuthors(h, id, d.authorIds());
        setTags(h, id, c);
        return id;
    }

    /** The slug itself when no article has it, else the first of {@code slug-2}, {@code slug-3}… that is free. */
    private String freeSlug(Handle h, String slug) {
        if (!repository.slugTaken(h, slug, -1)) return slug;
        String base = slug.length() > Slugs.MAX_LENGTH - 4 ? slug.substring(0, Slugs.MAX_LENGTH - 4) : slug;
        int n = 2;
        while (repository.slugTaken(h, base + "-" + n, -1)) n++;
        return base + "-" + n;
    }

    private void setTags(Handle h, long articleId, DraftCheck.Checked c) {
        List<Long> tagIds = new ArrayList<>();
        c.tagsBySlug().forEach((tagSlug, name) -> tagIds.add(repository.tagId(h, name, tagSlug)));
        repository.setTags(h, articleId, tagIds);
    }

    /** Thrown when an article id names no article. */
    public static final class ArticleNotFound extends RuntimeException {
        public ArticleNotFound(long id) {
            super("No article " + id);
        }
    }
}
