package dateline.comments;

import dateline.accounts.Account;
import dateline.accounts.AccountService;
import dateline.accounts.Permission;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.articles.ArticleService;
import dateline.articles.ArticleStatus;
import dateline.articles.Byline;
import dateline.articles.FullArticle;
import dateline.mail.Mail;
import dateline.mail.MailService;
import dateline.markup.CommentText;
import dateline.site.CommentSettings;
import dateline.site.SiteService;
import dateline.storage.BucketChanges;
import dateline.storage.DatabaseBuckets;
import dateline.web.Cursor;
import dateline.web.InvalidInput;
import dateline.web.NotAllowed;
import dateline.web.Paged;
import io.github.bucket4j.BucketConfiguration;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readers' comments: taking them in (checked, limited, screened for machines and spam, judged by the site's
 * rules, the newsroom told), showing them as threads, moderating them with an append-only record of every
 * decision, and a reader's personal data on request.
 */
public final class CommentService {
    public static final int MAX_LENGTH = 65_525;
    private static final Logger LOG = LoggerFactory.getLogger(CommentService.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Duration DUPLICATE_WINDOW = Duration.ofDays(1);
    /** One comment every fifteen seconds, from a network address and from an email address. */
    private static final Duration FLOOD_INTERVAL = Duration.ofSeconds(15);
    private static final BucketConfiguration FLOOD = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(1).refillIntervally(1, FLOOD_INTERVAL))
            .build();
    /** How many times a comment is judged again when its flood limit changed under it. */
    private static final int FLOOD_TRIES = 5;
    /** How many comments one transaction of {@link #forgetOldAddresses} forgets the address of at most. */
    static final int FORGET_PER_TRANSACTION = 1_000;

    /** Thrown when an article does not take comments (any more). */
    public static final class CommentsClosed extends RuntimeException {
        public CommentsClosed() {
            super("Comments are closed.");
        }
    }

    /** Thrown when comments come faster than the flood limit allows. */
    public static final class TooSoon extends RuntimeException {
        private final Duration wait;

        public TooSoon(Duration wait) {
            super("You are posting comments too quickly.");
            this.wait = wait;
        }

        public Duration waitFor() {
            return wait;
        }
    }

    /** Thrown for the same text from the same address on the same article, a second time. */
    public static final class Duplicate extends RuntimeException {
        public Duplicate() {
            super("Duplicate comment");
        }
    }

    /** Thrown when one loading of the form already sent a comment with the same email address. */
    public static final class FormUsed extends RuntimeException {
        public FormUsed() {
            super("This form was already used with this email address.");
        }
    }

    /** What a moderator can do to a comment. */
    public enum Action {
        APPROVE(CommentStatus.APPROVED), UNAPPROVE(CommentStatus.PENDING), SPAM(CommentStatus.SPAM),
        TRASH(CommentStatus.TRASH), RESTORE(CommentStatus.PENDING);

        private final CommentStatus result;

        Action(CommentStatus result) {
            this.result = result;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> named(String code) {
            for (Action a : values()) if (a.code().equals(code)) return Optional.of(a);
            return Optional.empty();
        }
    }

    private final CommentRepository repository;
    private final ArticleService articles;
    private final AccountService accounts;
    private final SiteService site;
    private final MailService mail;
    private final DatabaseBuckets buckets;
    private final CommentScreening screening;
    private final Clock clock;
    private final String baseUrl;
    private final List<CommentListener> listeners = new CopyOnWriteArrayList<>();
    /** The site's secret set up for its keyed hashes, at the first use. */
    private volatile Keyed.Key key;

    public CommentService(Jdbi jdbi, ArticleService articles, AccountService accounts, SiteService site,
                          MailService mail, DatabaseBuckets buckets, CommentScreening screening, Clock clock,
                          String baseUrl) {
        this.repository = new CommentRepository(jdbi);
        this.articles = articles;
        this.accounts = accounts;
        this.site = site;
        this.mail = mail;
        this.buckets = buckets;
        this.screening = screening;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** Lets a listener follow what readers see of every comment from now on. */
    public void addListener(CommentListener listener) {
        listeners.add(listener);
    }

    // ---- taking comments in

    /** True while the article takes comments: published, open, and not past the site's closing age. */
    public boolean acceptsComments(Article article) {
        if (article.status() != ArticleStatus.PUBLISHED || !article.commentsOpen()) return false;
        int days = site.settings().closeCommentsAfterDays();
        return days == 0 || clock.instant().isBefore(article.publishedAt().plus(Duration.ofDays(days)));
    }

    /**
     * Takes a reader's comment: checks every field, the article, the thread, duplicates, the form's token
     * not already used with this address, and the flood limit; then the signs of a machine, the site's rules
     * and the spam classifier decide whether it is shown, waits for a moderator, or goes to spam; the newsroom
     * is told by mail. Answers the stored comment.
     */
    public Comment post(NewComment c) {
        Article article = articles.byId(c.articleId()).filter(a -> a.status().isPublic())
                .orElseThrow(() -> InvalidInput.of("article", "This article is not available for comments."));
        return post(article, c);
    }

    /**
     * {@link #post(NewComment)} under an article the caller has just read (the comment form's route, which
     * needs it for its answer), so that it is not read twice for every comment.
     */
    public Comment post(Article article, NewComment c) {
        for (int attempt = 1; ; attempt++) {
            try {
                return postOnce(article, c);
            } catch (BucketChanges.Conflict e) {
                // another comment from the same address took from its flood limit meanwhile: judged again, this
                // one is almost always too soon; a limit still contended after a few tries counts as such
                if (attempt == FLOOD_TRIES) throw new TooSoon(FLOOD_INTERVAL);
            }
        }
    }

    private Comment postOnce(Article article, NewComment c) {
        if (article.id() != c.articleId() || !article.status().isPublic()) {
            throw InvalidInput.of("article", "This article is not available for comments.");
        }
        if (!acceptsComments(article)) throw new CommentsClosed();
        String text = typed(c.text());
        String name = clean(c.name());
        String email = clean(c.email()).toLowerCase(Locale.ROOT);
        String website = websiteOf(clean(c.website()));
        InvalidInput.check()
                .when(text.isEmpty(), "comment", "Write your comment.")
                // formatted only when said: a formatter's set-up cost every comment 2% of its processor time
                .when(text.length() > MAX_LENGTH, "comment", () -> String.format(Locale.ENGLISH,
                        "Your comment is %,d characters long; the longest a comment can be is %,d.", text.length(), MAX_LENGTH))
                .when(name.isEmpty(), "name", "Enter your name.")
                .when(name.length() > 245, "name", "Keep your name under 245 characters.")
                .when(email.isEmpty(), "email", "Enter your email address. It will not be published.")
                .when(!email.isEmpty() && (!EMAIL.matcher(email).matches() || email.length() > 100), "email",
                        "Enter an email address such as name@example.org.")
                .when(website == null, "website", "Enter a web address such as https://example.org, or leave it empty.")
                .throwIfAny();
        CommentSettings settings = site.comments();
        NewComment cleaned = new NewComment(c.articleId(), c.parentId(), name, email, website, text, c.clientAddress(),
                c.userAgent(), c.formToken() == null ? "" : c.formToken().strip(), c.honeypot() == null ? "" : c.honeypot());
        long articleId = article.id();
        Instant now = clock.instant();
        Keyed keyed = keyed();
        FormTokens tokens = new FormTokens(keyed);
        // a current token is used once per address; many readers of one cached page share it
        boolean current = tokens.isCurrent(cleaned.formToken(), articleId, now);
        String tokenHash = keyed.hashed("form-token:" + cleaned.formToken());
        String emailHash = keyed.hashed("email:" + email);
        // every check that reads, on one connection
        Checked checked = repository.read(h -> {
            Placement placement = placement(h, articleId, c.parentId(), settings);
            CommentRepository.Prior prior = repository.priorOf(h, articleId, email, text, now.minus(DUPLICATE_WINDOW),
                    tokenHash, emailHash);
            if (prior.sameText()) throw new Duplicate();
            if (current && prior.formUsed()) throw new FormUsed();
            return new Checked(placement, prior.approvedBefore());
        });
        Placement placement = checked.placement();
        // decided outside the comment's transaction, so that the limit's own work (Bucket4j's, and reading its
        // two buckets) is done by this request's thread: on SQLite the transaction runs on the database's one
        // writer, whose time every comment waits for; only the buckets' writes go through it, with the comment's
        BucketChanges limit = buckets.changes();
        requireNotTooSoon(limit, c.clientAddress(), email);
        Decision decision = decide(cleaned, tokens, settings, checked.previouslyApproved(), now);
        // made on this request's thread: in the transaction it would take the database writer's time
        String html = CommentText.toSafeHtml(text);
        List<CommentEvent> events = new ArrayList<>();
        Comment stored = repository.inTransaction(h -> {
            limit.write(h);
            if (current && !repository.recordFormUse(h, tokenHash, emailHash, now)) throw new FormUsed();
            Comment received = repository.insertReceived(h, articleId, placement.parentId(), placement.depth(),
                    decision.status(), name, email, website, text, html, now, clip(c.clientAddress(), 64),
                    clip(c.userAgent(), 300), decision.judgement());
            repository.log(h, received.id(), "received as " + decision.status().code(), decision.reason(), null, now);
            if (received.status() == CommentStatus.APPROVED) {
                events.add(changing(h, new CommentEvent(CommentEvent.Kind.APPROVED, received)));
            }
            return received;
        });
        told(events);
        LOG.info("Comment {} on article {}: {} ({})", stored.id(), articleId, stored.status().code(),
                decision.reason());
        tellTheNewsroom(stored, article, settings);
        return stored;
    }

    /** What the checks before a comment is stored found: where it goes, and whether its address had one approved. */
    private record Checked(Placement placement, boolean previouslyApproved) {}

    /** Where a new comment goes, why, and how it was judged. */
    private record Decision(CommentStatus status, String reason, CommentRepository.Judgement judgement) {}

    /**
     * Cheapest first: a form that a machine filled in (the field people never see has something in it, or its
     * token is missing, forged, too fresh or too old) and a word of the disallowed list send a comment to spam;
     * then the spam classifier sends what it is sure of to spam and holds what it is unsure of; what it finds
     * fine is left to the site's rules.
     */
    private Decision decide(NewComment c, FormTokens tokens, CommentSettings settings, boolean previouslyApproved,
                            Instant now) {
        List<String> machine = new ArrayList<>();
        if (!c.honeypot().isBlank()) machine.add("the field that people never see was filled in");
        tokens.doubt(c.formToken(), c.articleId(), now, Duration.ofSeconds(settings.minimumFillSeconds()))
                .ifPresent(machine::add);
        CommentScreening.Opinion opinion = opinionOf(c);
        CommentRules.Verdict rules = CommentRules.judge(c, settings, previouslyApproved);
        String reason;
        CommentStatus status;
        if (!machine.isEmpty()) {
            status = CommentStatus.SPAM;
            reason = String.join("; ", machine);
        } else if (rules.status() == CommentStatus.SPAM) {
            status = CommentStatus.SPAM;
            reason = rules.reason();
        } else if (opinion.leaning() == CommentScreening.Leaning.SPAM) {
            status = CommentStatus.SPAM;
            reason = classifierSays(opinion);
        } else if (opinion.leaning() == CommentScreening.Leaning.UNSURE && rules.status() == CommentStatus.APPROVED) {
            status = CommentStatus.PENDING;
            reason = classifierSays(opinion) + ", not sure either way";
        } else {
            status = rules.status();
            reason = rules.reason();
        }
        List<String> reasons = new ArrayList<>();
        if (status == CommentStatus.SPAM) reasons.add(reason);
        reasons.addAll(opinion.reasons());
        return new Decision(status, reason, new CommentRepository.Judgement(opinion.spamProbability(), reasons));
    }

    /** The classifier's score in words, made only for a reason that gives it: a formatter's set-up is not cheap. */
    private static String classifierSays(CommentScreening.Opinion opinion) {
        return String.format(Locale.ROOT, "the spam classifier gives it %.0f%%", 100 * opinion.spamProbability());
    }

    /** The classifier's opinion; when it cannot give one, the comment is left to the other layers. */
    private CommentScreening.Opinion opinionOf(NewComment c) {
        try {
            return screening.screen(c);
        } catch (RuntimeException e) {
            LOG.warn("The spam classifier could not judge a comment; the site's rules alone decide", e);
            return new CommentScreening.Opinion(0, CommentScreening.Leaning.FINE, List.of());
        }
    }

    /** A new token for the comment form of an article: made now, signed by the site. */
    public String formToken(long articleId) {
        return new FormTokens(keyed()).issue(articleId, clock.instant());
    }

    /**
     * The token to give back with a refused form: the one it came with while that is still good (the time
     * spent on the form still counts), or a new one. When the refusal was that the token was already used,
     * the new one is dated the minimum filling time ago: the reader has spent longer than that already.
     */
    public String formTokenAgain(long articleId, String sent, boolean used) {
        FormTokens tokens = new FormTokens(keyed());
        Instant now = clock.instant();
        if (used) return tokens.issue(articleId, now.minusSeconds(site.comments().minimumFillSeconds()));
        return tokens.isCurrent(sent, articleId, now) ? sent.strip() : tokens.issue(articleId, now);
    }

    /** What the site derives from its secret, for one task on one thread. */
    Keyed keyed() {
        Keyed.Key known = key;
        if (known == null) key = known = new Keyed.Key(site.secret()); // the secret never changes once made
        return known.keyed();
    }

    /** Where a reply goes: under its parent, or beside it when the parent is already at the deepest level. */
    private record Placement(Long parentId, int depth) {}

    private Placement placement(Handle h, long articleId, Long parentId, CommentSettings settings) {
        if (parentId == null) return new Placement(null, 1);
        Comment parent = repository.byId(h, parentId)
                .filter(p -> p.articleId() == articleId && p.status() == CommentStatus.APPROVED)
                .orElseThrow(() -> InvalidInput.of("parent", "The comment you are replying to is not available."));
        if (parent.depth() >= settings.threadDepth()) return new Placement(parent.parentId(), parent.depth());
        return new Placement(parent.id(), parent.depth() + 1);
    }

    /**
     * Takes one comment from the buckets of the network address and of the email address, or throws when either
     * is empty; the buckets' changes are written with the comment.
     */
    private static void requireNotTooSoon(BucketChanges limit, String client, String email) {
        long wait = 0;
        List<String> keys = List.of("comment:client:" + client, "comment:email:" + email);
        limit.readAhead(keys);
        for (String key : keys) {
            var probe = limit.bucket(key, () -> FLOOD).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) wait = Math.max(wait, probe.getNanosToWaitForRefill());
        }
        if (wait > 0) throw new TooSoon(Duration.ofNanos(wait));
    }

    /** The address as a link can use it, "https://" added when no scheme was typed; null when unusable. */
    static String websiteOf(String typed) {
        if (typed.isEmpty()) return "";
        String url = typed.matches("(?i)^https?://.*") ? typed : "https://" + typed;
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            if (host == null || !host.contains(".") || url.length() > 200) return null;
            return uri.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * A comment that came from elsewhere (an import, a demonstration site) with its own time and status;
     * {@code parent} is the index in its thread of the comment it answers, or -1, in which case
     * {@code parentId} may name a comment already stored that it answers (one imported earlier).
     * {@code clientAddress} is the network address it was sent from, or null.
     */
    public record Imported(int parent, String name, String email, String website, String text, Instant createdAt,
                           CommentStatus status, Long parentId, String clientAddress) {
        public Imported(int parent, String name, String email, String website, String text, Instant createdAt,
                        CommentStatus status) {
            this(parent, name, email, website, text, createdAt, status, null, null);
        }
    }

    /** The comments of one article, in the order they were written (every comment after the one it answers). */
    public record ImportedThread(long articleId, List<Imported> comments) {}

    /** Stores whole threads as they were, in one transaction: no rules, limits or mail. Answers how many. */
    public int importThreads(List<ImportedThread> threads) {
        return repository.inTransaction(h -> {
            int count = 0;
            for (ImportedThread thread : threads) count += store(h, thread).size();
            return count;
        });
    }

    /**
     * Stores one thread as it was, without rules, limits or mail, and answers the new comments' ids in the
     * order given. The caller has checked the texts (not empty, not longer than {@link #MAX_LENGTH}). A
     * network address is kept only while the site's retention period has not run out for the comment, as if
     * it had been posted here; a website that is not a usable web address is dropped. Listeners hear of
     * approved comments once whatever transaction this one joins commits.
     */
    public List<Long> importThread(ImportedThread thread) {
        return repository.inTransaction(h -> store(h, thread));
    }

    private List<Long> store(Handle h, ImportedThread thread) {
        Instant keepAddressesSince = clock.instant().minus(Duration.ofDays(site.comments().keepAddressesDays()));
        List<long[]> stored = new ArrayList<>(thread.comments().size());
        List<Long> ids = new ArrayList<>(thread.comments().size());
        List<CommentEvent> events = new ArrayList<>();
        var log = repository.logBatch(h);
        for (Imported c : thread.comments()) {
            long[] parent = c.parent() >= 0 && c.parent() < stored.size() ? stored.get(c.parent()) : null;
            if (parent == null && c.parentId() != null) {
                parent = repository.byId(h, c.parentId()).filter(p -> p.articleId() == thread.articleId())
                        .map(p -> new long[] {p.id(), p.depth()}).orElse(null);
            }
            int depth = parent == null ? 1 : (int) Math.min(parent[1] + 1, CommentSettings.MAX_DEPTH);
            String text = c.text().strip();
            String name = clean(c.name()).isEmpty() ? "Anonymous" : clean(c.name());
            String email = clean(c.email()).toLowerCase(Locale.ROOT);
            String website = websiteOf(clean(c.website()));
            String client = c.clientAddress() != null && !clean(c.clientAddress()).isEmpty()
                    && c.createdAt().isAfter(keepAddressesSince) ? clean(c.clientAddress()) : null;
            String html = CommentText.toSafeHtml(text);
            Long parentId = parent == null ? null : parent[0];
            long id = repository.insert(h, thread.articleId(), parentId, depth, c.status(), name, email,
                    website == null ? "" : website, null, text, html, c.createdAt(), client, null,
                    CommentRepository.Judgement.NONE);
            log.add(id, "imported as " + c.status().code(), c.createdAt());
            stored.add(new long[] {id, depth});
            ids.add(id);
            if (c.status() == CommentStatus.APPROVED) {
                Comment comment = new Comment(id, thread.articleId(), parentId, depth, c.status(), name, email,
                        website == null ? "" : website, null, text, html, c.createdAt(), c.createdAt(), client, null,
                        null, List.of());
                events.add(new CommentEvent(CommentEvent.Kind.APPROVED, comment));
            }
        }
        log.execute();
        if (!events.isEmpty()) {
            // the thread's events together: what a listener writes for them, it writes once, not once a comment
            for (CommentListener listener : listeners) listener.changing(h, events);
            h.afterCommit(() -> toldTogether(events));
        }
        return ids;
    }

    // ---- showing them

    /**
     * One page of an article's thread, with the reader's own comments that still wait, to show: each comment
     * carries what its article's page shows, and not its source text, status time, network address, browser
     * or spam judgement (null, none), which the page never shows and would cost reading.
     */
    public CommentThread thread(long articleId, Collection<Long> ownPending, int page) {
        CommentSettings settings = site.comments();
        List<Comment> visible = repository.read(h -> repository.shownOn(h, articleId, ownPending));
        return CommentThread.of(visible, settings.newestFirst(), settings.perPage(), page);
    }

    /** The page of its article's thread on which a comment appears, as its author sees it. */
    public int pageOf(Comment comment, Collection<Long> ownPending) {
        CommentSettings settings = site.comments();
        List<CommentThread.Place> visible = repository.read(h -> repository.placesOn(h, comment.articleId(), ownPending));
        return CommentThread.pageAmong(comment.id(), visible, settings.newestFirst(), settings.perPage());
    }

    public Optional<Comment> byId(long id) {
        return repository.read(h -> repository.byId(h, id));
    }

    /** The newest approved comments, of one article or, with null, of the whole site: for feeds. */
    public List<Comment> latestApproved(Long articleId, int limit) {
        return repository.read(h -> repository.latestApproved(h, articleId, limit));
    }

    /** An article's approved comments, oldest first, each naming the comment it answers. */
    public List<Comment> approvedOn(long articleId) {
        return repository.read(h -> repository.visibleOn(h, articleId, List.of()));
    }

    /** Every comment of an article whatever its status (spam and trash too), oldest first: for an export. */
    public List<Comment> everyOn(long articleId) {
        return repository.read(h -> repository.everyOn(h, articleId));
    }

    public long approvedCount(long articleId) {
        return repository.read(h -> repository.countApproved(h, articleId));
    }

    // ---- moderation

    public Comment moderate(long commentId, Action action, String reason, Account by) {
        requireModerator(by);
        Instant now = clock.instant();
        Comment before = repository.read(h -> repository.byId(h, commentId)).orElseThrow(() -> new CommentNotFound(commentId));
        List<CommentEvent> events = new ArrayList<>();
        Comment after = repository.inTransaction(h -> {
            CommentStatus was = repository.byId(h, commentId).orElseThrow(() -> new CommentNotFound(commentId)).status();
            repository.setStatus(h, commentId, action.result, now);
            repository.log(h, commentId, action.code(), reason, by.id(), now);
            Comment changed = repository.byId(h, commentId).orElseThrow();
            CommentEvent.ofStatusChange(was, changed).ifPresent(e -> events.add(changing(h, e)));
            return changed;
        });
        told(events);
        if (action == Action.APPROVE && before.status() != CommentStatus.APPROVED) {
            articles.full(after.articleId()).ifPresent(full -> tellTheAuthors(after, full, site.comments()));
        }
        if (action == Action.APPROVE || action == Action.SPAM) learnFrom(after, action == Action.SPAM);
        return after;
    }

    /** Tells the spam classifier a moderator's decision about a reader's comment; learning never undoes one. */
    private void learnFrom(Comment comment, boolean spam) {
        if (comment.byStaff()) return;
        try {
            screening.decided(comment, spam);
        } catch (RuntimeException e) {
            LOG.warn("The spam classifier could not learn from the decision about comment {}", comment.id(), e);
        }
    }

    /** Applies one action to many comments; answers how many it changed. */
    public int moderateAll(Collection<Long> commentIds, Action action, Account by) {
        requireModerator(by);
        int changed = 0;
        for (long id : commentIds) {
            if (byId(id).isPresent()) {
                moderate(id, action, "in bulk", by);
                changed++;
            }
        }
        return changed;
    }

    public Comment edit(long commentId, String text, Account by) {
        requireModerator(by);
        String clean = typed(text);
        requireText(clean, "comment", "A comment cannot be empty; move it to the trash instead.");
        CommentEvent edited = repository.inTransaction(h -> {
            repository.byId(h, commentId).orElseThrow(() -> new CommentNotFound(commentId));
            repository.setBody(h, commentId, clean, CommentText.toSafeHtml(clean));
            repository.log(h, commentId, "edited", "", by.id(), clock.instant());
            return changing(h, new CommentEvent(CommentEvent.Kind.EDITED, repository.byId(h, commentId).orElseThrow()));
        });
        told(List.of(edited));
        return edited.comment();
    }

    /**
     * A comment from the newsroom that begins a thread of its own under a public article: shown at once,
     * marked as the newsroom's, like a staff reply.
     */
    public Comment commentAsStaff(long articleId, String text, Account by) {
        requireModerator(by);
        String clean = typed(text);
        requireText(clean, "comment", "Write the comment.");
        articles.full(articleId).filter(f -> f.article().status().isPublic())
                .orElseThrow(() -> InvalidInput.of("article", "This article is not available for comments."));
        Instant now = clock.instant();
        CommentEvent written = repository.inTransaction(h -> {
            long id = repository.insert(h, articleId, null, 1, CommentStatus.APPROVED, by.name(), by.email(), "", by.id(),
                    clean, CommentText.toSafeHtml(clean), now, null, null, CommentRepository.Judgement.NONE);
            repository.log(h, id, "written by the newsroom", "", by.id(), now);
            return changing(h, new CommentEvent(CommentEvent.Kind.APPROVED, repository.byId(h, id).orElseThrow()));
        });
        told(List.of(written));
        return written.comment();
    }

    /** Refuses newsroom text that is empty or longer than a comment can be, at its field. */
    private static void requireText(String clean, String field, String whenEmpty) {
        InvalidInput.check()
                .when(clean.isEmpty(), field, whenEmpty)
                .when(clean.length() > MAX_LENGTH, field, "The " + field + " is longer than a comment can be.")
                .throwIfAny();
    }

    /** A reply from the newsroom: shown at once, marked as the newsroom's. */
    public Comment replyAsStaff(long parentId, String text, Account by) {
        requireModerator(by);
        String clean = typed(text);
        requireText(clean, "reply", "Write the reply.");
        CommentSettings settings = site.comments();
        Instant now = clock.instant();
        Comment before = repository.read(h -> repository.byId(h, parentId)).orElseThrow(() -> new CommentNotFound(parentId));
        List<CommentEvent> events = new ArrayList<>();
        Comment reply = repository.inTransaction(h -> {
            Comment parent = repository.byId(h, parentId).orElseThrow(() -> new CommentNotFound(parentId));
            if (parent.status() != CommentStatus.APPROVED) {
                // answering a comment approves it: a decision like any other, recorded and told as one
                repository.setStatus(h, parentId, CommentStatus.APPROVED, now);
                repository.log(h, parentId, Action.APPROVE.code(), "answered by the newsroom", by.id(), now);
                events.add(changing(h, new CommentEvent(CommentEvent.Kind.APPROVED, repository.byId(h, parentId).orElseThrow())));
            }
            Placement placement = placement(h, parent.articleId(), parentId, settings);
            long id = repository.insert(h, parent.articleId(), placement.parentId(), placement.depth(),
                    CommentStatus.APPROVED, by.name(), by.email(), "", by.id(), clean, CommentText.toSafeHtml(clean), now,
                    null, null, CommentRepository.Judgement.NONE);
            repository.log(h, id, "replied as the newsroom", "", by.id(), now);
            Comment written = repository.byId(h, id).orElseThrow();
            events.add(changing(h, new CommentEvent(CommentEvent.Kind.APPROVED, written)));
            return written;
        });
        told(events);
        if (before.status() != CommentStatus.APPROVED) {
            Comment parent = byId(parentId).orElseThrow();
            articles.full(parent.articleId()).ifPresent(full -> tellTheAuthors(parent, full, settings));
            learnFrom(parent, false);
        }
        return reply;
    }

    public Paged<Comment> queue(CommentStatus status, String search, Cursor before, int size, Account by) {
        requireModerator(by);
        String q = search == null || search.isBlank() ? null : search.strip();
        List<Comment> rows = repository.read(h -> repository.queue(h, status, q, before, size + 1));
        boolean more = rows.size() > size;
        if (more) rows = rows.subList(0, size);
        Comment last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new Paged<>(rows, more ? new Cursor(last.createdAt(), last.id()) : null, null, before != null);
    }

    public Map<CommentStatus, Long> counts() {
        return repository.read(repository::countByStatus);
    }

    public List<ModerationEntry> log(long commentId, Account by) {
        requireModerator(by);
        return repository.read(h -> repository.logOf(h, commentId));
    }

    // ---- personal data

    /** Every comment written with an address, with all that is kept about it: for a reader who asks. */
    public List<Map<String, Object>> export(String email, Account by) {
        requireAdministrator(by);
        String address = clean(email).toLowerCase(Locale.ROOT);
        return repository.read(h -> repository.byEmail(h, address)).stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.id());
            row.put("article", articles.full(c.articleId()).map(f -> baseUrl + f.article().path()).orElse(null));
            row.put("status", c.status().code());
            row.put("name", c.authorName());
            row.put("email", c.authorEmail());
            row.put("website", c.authorWebsite());
            row.put("text", c.body());
            row.put("written_at", c.createdAt().toString());
            row.put("network_address", c.clientAddress());
            row.put("browser", c.userAgent());
            return row;
        }).toList();
    }

    /**
     * Erases an address from every comment: the name becomes "Anonymous", the address, website, network
     * address and browser go; the text stays or goes as asked. Answers how many comments were changed.
     */
    public int erase(String email, boolean removeText, Account by) {
        requireAdministrator(by);
        String address = clean(email).toLowerCase(Locale.ROOT);
        InvalidInput.check().when(!EMAIL.matcher(address).matches(), "email", "Enter the reader's email address.").throwIfAny();
        Instant now = clock.instant();
        List<Long> erased = new ArrayList<>();
        List<CommentEvent> events = new ArrayList<>();
        int changed = repository.inTransaction(h -> {
            List<Comment> theirs = repository.byEmail(h, address);
            int count = repository.anonymise(h, address, removeText, "<p><em>This comment was removed at its author’s request.</em></p>", now);
            for (Comment c : theirs) {
                repository.log(h, c.id(), removeText ? "erased with its text" : "erased", "at the author's request", by.id(), now);
                erased.add(c.id());
                events.add(changing(h, new CommentEvent(CommentEvent.Kind.ERASED, repository.byId(h, c.id()).orElseThrow())));
            }
            return count;
        });
        told(events);
        screening.forget(erased);
        return changed;
    }

    /**
     * Forgets the network addresses and browsers of comments older than the retention period, a thousand
     * comments a transaction: the first run on an imported archive may have a million to forget, and comments
     * posted meanwhile wait for the write lock one short transaction at most, not for all of them.
     */
    public int forgetOldAddresses() {
        Instant before = clock.instant().minus(Duration.ofDays(site.comments().keepAddressesDays()));
        int forgotten = 0;
        int last;
        do {
            last = repository.inTransaction(h -> repository.forgetAddresses(h, before, FORGET_PER_TRANSACTION));
            forgotten += last;
        } while (last == FORGET_PER_TRANSACTION);
        return forgotten;
    }

    /** Forgets the uses of form tokens that have expired: they can no longer be used again anyway. */
    public int forgetUsedFormTokens() {
        Instant expired = clock.instant().minus(FormTokens.LIFETIME).minus(Duration.ofHours(1));
        return repository.inTransaction(h -> repository.forgetFormUses(h, expired));
    }

    /**
     * Deletes the comments that have been in the spam folder longer than the site keeps them (those a reply
     * still answers stay). Answers how many.
     */
    public int emptySpamFolder() {
        Duration keep = Duration.ofDays(site.comments().emptySpamAfterDays());
        Instant before = clock.instant().minus(keep);
        int deleted = repository.inTransaction(h -> repository.deleteSpam(h, before));
        if (deleted > 0) LOG.info("Deleted {} comments from the spam folder", deleted);
        return deleted;
    }

    // ---- telling the newsroom

    private void tellTheNewsroom(Comment comment, Article article, CommentSettings settings) {
        if (!mail.isConfigured()) return;
        if (comment.status() == CommentStatus.APPROVED) {
            // its bylines read only now: a site that sends no mail never needs them for a comment
            if (settings.notifyAuthors() && !comment.byStaff()) {
                articles.full(article.id()).ifPresent(full -> tellTheAuthors(comment, full, settings));
            }
        } else if (comment.status() == CommentStatus.PENDING && settings.notifyModerators()) {
            String title = site.settings().title();
            for (Account moderator : accounts.all()) {
                if (!moderator.role().can(Permission.MODERATE_COMMENTS)) continue;
                mail.enqueue(new Mail(moderator.email(), "A comment waits for you on “" + clip(article.headline(), 120) + "”", """
                        A comment on “%s” waits for a moderator.

                        %s wrote:

                        %s

                        Approve it, or mark it as spam:
                        %s/admin/comments/%d

                        All comments waiting: %s/admin/comments?status=pending
                        — %s
                        """.formatted(article.headline(), comment.authorName(), quoted(comment),
                        baseUrl, comment.id(), baseUrl, title)));
            }
        }
    }

    private void tellTheAuthors(Comment comment, FullArticle full, CommentSettings settings) {
        if (!mail.isConfigured() || !settings.notifyAuthors() || comment.byStaff()) return;
        List<Long> authorIds = full.bylines().stream().map(Byline::accountId).toList();
        for (Account author : accounts.byIds(authorIds)) {
            if (author.email().equals(comment.authorEmail())) continue;
            mail.enqueue(new Mail(author.email(), "New comment on “" + clip(full.article().headline(), 120) + "”", """
                    %s commented on your article “%s”:

                    %s

                    Read it in its thread: %s%s#comment-%d
                    — %s
                    """.formatted(comment.authorName(), full.article().headline(), quoted(comment), baseUrl,
                    full.article().path(), comment.id(), site.settings().title())));
        }
    }

    // ---- telling listeners

    /** Tells the listeners of a change inside its transaction; returns the event, to be told after commit. */
    private CommentEvent changing(Handle h, CommentEvent event) {
        for (CommentListener listener : listeners) listener.changing(h, event);
        return event;
    }

    /** Tells the listeners of committed changes. */
    private void told(List<CommentEvent> events) {
        for (CommentEvent event : events) {
            for (CommentListener listener : listeners) {
                try {
                    listener.changed(event);
                } catch (RuntimeException e) {
                    LOG.warn("A listener failed on {} of comment {}", event.kind(), event.comment().id(), e);
                }
            }
        }
    }

    /** Tells the listeners of committed changes made together, all at once. */
    private void toldTogether(List<CommentEvent> events) {
        for (CommentListener listener : listeners) {
            try {
                listener.changed(events);
            } catch (RuntimeException e) {
                LOG.warn("A listener failed on {} comments of article {}", events.size(),
                        events.get(0).comment().articleId(), e);
            }
        }
    }

    private static String quoted(Comment comment) {
        String text = CommentText.toPlainText(comment.body());
        return "> " + clip(text, 2000).replace("\n", "\n> ");
    }

    private void requireModerator(Account by) {
        if (!by.role().can(Permission.MODERATE_COMMENTS)) throw new NotAllowed("Only editors moderate comments.");
    }

    private void requireAdministrator(Account by) {
        if (by.role() != Role.ADMINISTRATOR) throw new NotAllowed("Only administrators handle readers' personal data.");
    }

    /** A comment's text as typed, with the line ends of every browser made one, and no space around it. */
    private static String typed(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").strip();
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    private static String clip(String text, int max) {
        if (text == null) return null;
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** Thrown when a comment id names no comment. */
    public static final class CommentNotFound extends RuntimeException {
        public CommentNotFound(long id) {
            super("No comment " + id);
        }
    }
}
