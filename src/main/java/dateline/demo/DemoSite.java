package dateline.demo;

import dateline.accounts.Account;
import dateline.accounts.AccountService;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.ArticleDraft;
import dateline.articles.ArticleService;
import dateline.articles.ArticleUpdate;
import dateline.articles.BodyFormat;
import dateline.articles.Publication;
import dateline.articles.Section;
import dateline.articles.UpdateKind;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.site.SiteService;
import dateline.site.SiteSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fills a site with a realistic newsroom's output: sections, a staff of authors, and articles spread
 * over months, some with several authors, some significantly updated or corrected after publication, most
 * with readers' comment threads several levels deep.
 * The same seed and the same moment give the same site, so screenshots and benchmarks are repeatable.
 * The authors it creates have no password; they cannot sign in.
 */
public final class DemoSite {
    private static final int BATCH = 500;
    private static final Duration MINIMUM_SPAN = Duration.ofDays(90);
    /** A busy small newsroom publishes about eight stories a day. */
    private static final Duration AVERAGE_GAP = Duration.ofHours(3);

    public record Summary(int articles, int authors, int sections, int updated, int comments) {}

    private final SiteService site;
    private final AccountService accounts;
    private final ArticleService articles;
    private final CommentService comments;

    public DemoSite(SiteService site, AccountService accounts, ArticleService articles, CommentService comments) {
        this.site = site;
        this.accounts = accounts;
        this.articles = articles;
        this.comments = comments;
    }

    /**
     * Writes {@code count} articles published before {@code until}, made from {@code seed}, with readers'
     * comment threads: as many as readers would write when {@code commentsPerArticle} is null, or exactly that
     * many on every article.
     */
    public Summary fill(int count, long seed, Instant until, Integer commentsPerArticle) {
        SplittableRandom random = new SplittableRandom(seed);
        NewsWriter writer = new NewsWriter(random);
        CommentWriter readers = new CommentWriter(random.split());
        nameTheSite();
        List<Section> sections = ensureSections();
        List<Account> staff = ensureStaff(writer, Math.min(40, 8 + count / 400));

        Duration span = AVERAGE_GAP.multipliedBy(Math.max(1, count));
        if (span.compareTo(MINIMUM_SPAN) < 0) span = MINIMUM_SPAN;
        long[] ages = new long[count];
        for (int i = 0; i < count; i++) ages[i] = 60_000 + random.nextLong(span.toMillis());
        Arrays.sort(ages);

        int updated = 0;
        int depth = site.comments().threadDepth();
        List<Publication> batch = new ArrayList<>(BATCH);
        List<List<CommentWriter.CommentIdea>> threads = new ArrayList<>(BATCH);
        try (Writing writing = new Writing()) {
            for (int i = count - 1; i >= 0; i--) {
                Instant publishedAt = until.minusMillis(ages[i]);
                Section section = sections.get(weightedSection(random, sections.size()));
                NewsWriter.StoryIdea story = writer.story(section.name());
                List<Long> authorIds = new ArrayList<>();
                authorIds.add(staff.get(random.nextInt(staff.size())).id());
                if (random.nextInt(100) < 15) {
                    long second = staff.get(random.nextInt(staff.size())).id();
                    if (second != authorIds.get(0)) authorIds.add(second);
                }
                List<ArticleUpdate> updates = updatesFor(writer, random, publishedAt, until);
                if (!updates.isEmpty()) updated++;
                batch.add(new Publication(new ArticleDraft(story.headline(), null, story.standfirst(), story.markdownBody(),
                        BodyFormat.MARKDOWN, story.type(), section.id(), story.tags(), authorIds, story.datelinePlace()),
                        publishedAt, updates));
                int size = commentsPerArticle != null ? commentsPerArticle : readers.sizeOfThread();
                threads.add(readers.thread(story.headline(), section.name(), size, depth));
                if (batch.size() == BATCH) writing.write(batch, threads, until);
            }
            if (!batch.isEmpty()) writing.write(batch, threads, until);
            return new Summary(count, staff.size(), sections.size(), updated, writing.finish());
        }
    }

    /**
     * Writes one batch to the database while the next is being made up, on another thread: making up the
     * stories and writing them take about as long, and the order of the generator's draws stays the same.
     */
    private final class Writing implements AutoCloseable {
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "demo-writing"));
        private Future<Integer> underWay;
        private int comments;

        /** Waits for the batch before, then hands this one over and empties the lists for the next. */
        void write(List<Publication> batch, List<List<CommentWriter.CommentIdea>> threads, Instant until) {
            finish();
            List<Publication> publications = new ArrayList<>(batch);
            List<List<CommentWriter.CommentIdea>> conversations = new ArrayList<>(threads);
            batch.clear();
            threads.clear();
            underWay = thread.submit(() -> publish(publications, conversations, until));
        }

        /** Waits for the last batch; answers how many comments were written in all. */
        int finish() {
            if (underWay != null) {
                try {
                    comments += underWay.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while writing the demonstration site", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) throw failure;
                    throw new IllegalStateException(e.getCause());
                } finally {
                    underWay = null;
                }
            }
            return comments;
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    /** Publishes a batch of articles with their readers' threads, then empties both lists. */
    private int publish(List<Publication> batch, List<List<CommentWriter.CommentIdea>> threads, Instant until) {
        List<Long> ids = articles.publishAll(batch);
        List<CommentService.ImportedThread> imported = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Instant at = batch.get(i).publishedAt();
            List<CommentService.Imported> thread = new ArrayList<>();
            for (CommentWriter.CommentIdea idea : threads.get(i)) {
                at = at.plus(Duration.ofMinutes(Math.max(1, idea.minutesAfterPrevious())));
                if (!at.isBefore(until)) break;
                thread.add(new CommentService.Imported(idea.parent(), idea.name(), idea.email(), idea.website(),
                        idea.text(), at, CommentStatus.APPROVED));
            }
            if (!thread.isEmpty()) imported.add(new CommentService.ImportedThread(ids.get(i), thread));
        }
        batch.clear();
        threads.clear();
        return comments.importThreads(imported);
    }

    /** A new site gets a newspaper's name; a site that already has one keeps it. */
    private void nameTheSite() {
        SiteSettings settings = site.settings();
        if (!accounts.any() && settings.title().equals(SiteSettings.defaults().title())) {
            site.save(settings.withTitle("The Dateline Courier")
                    .withDescription("Independent reporting on world affairs, politics and the places we live."));
        }
    }

    private List<Section> ensureSections() {
        Map<String, Section> existing = articles.sections().stream()
                .collect(Collectors.toMap(Section::name, Function.identity(), (a, b) -> a));
        List<Section> sections = new ArrayList<>();
        for (NewsWriter.SectionIdea idea : NewsWriter.sections()) {
            Section section = existing.get(idea.name());
            sections.add(section != null ? section : articles.openSection(idea.name(), idea.description()));
        }
        return sections;
    }

    private List<Account> ensureStaff(NewsWriter writer, int size) {
        List<Account> staff = new ArrayList<>();
        List<NewsWriter.AuthorIdea> ideas = writer.authors(size);
        for (int i = 0; i < ideas.size(); i++) {
            NewsWriter.AuthorIdea idea = ideas.get(i);
            Role role = i < 2 ? Role.EDITOR : Role.AUTHOR;
            staff.add(accounts.byEmail(idea.email()).orElseGet(() ->
                    accounts.open(new NewAccount(idea.email(), idea.name(), role, null, idea.bio()))));
        }
        return staff;
    }

    /** World and politics carry the most stories, as on a real news site. */
    private static int weightedSection(SplittableRandom random, int sections) {
        int roll = random.nextInt(100);
        if (roll < 25) return 0;
        if (roll < 45) return Math.min(1, sections - 1);
        return random.nextInt(sections);
    }

    /** About one story in six is significantly updated within two days; one in thirty is corrected. */
    private static List<ArticleUpdate> updatesFor(NewsWriter writer, SplittableRandom random, Instant publishedAt,
                                                  Instant until) {
        List<ArticleUpdate> updates = new ArrayList<>();
        Instant last = publishedAt;
        if (random.nextInt(6) == 0) {
            Instant at = last.plus(Duration.ofMinutes(20 + random.nextInt(48 * 60)));
            if (at.isBefore(until)) {
                updates.add(new ArticleUpdate(UpdateKind.UPDATE, writer.updateNote(), at));
                last = at;
            }
        }
        if (random.nextInt(30) == 0) {
            Instant at = last.plus(Duration.ofMinutes(60 + random.nextInt(72 * 60)));
            if (at.isBefore(until)) updates.add(new ArticleUpdate(UpdateKind.CORRECTION, writer.correctionNote(), at));
        }
        return updates;
    }
}
