package dateline.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * The finished bytes of public pages, kept in memory for anonymous readers so that a story read by
 * thousands a minute is rendered once, not thousands of times. It knows only addresses, bytes and the
 * {@link PageTags tags} a page declared it shows; {@link #invalidate} drops every page showing one of the
 * given tags, so the first request after a change renders the change. An index from each tag to the pages
 * showing it makes dropping {@code article:ID} touch that article's pages alone, however many are kept.
 *
 * <p>A page is kept when the route declared what it shows ({@link #shows}), answered 200, set no cookie and
 * was not made for one reader ({@link HttpCaching#markPersonal}). It is compressed once when stored and
 * served with its length, validators and {@code Vary: Accept-Encoding}; when many readers miss the same
 * page at once, one renders and the others wait for its bytes. Requests {@code personal} (a member of the
 * newsroom, a reader whose comment waits) are rendered fresh and never stored.
 *
 * <p>Entries live at most {@link #MAX_AGE}: the comment form's shared anti-spam token in a page stays valid
 * for a day, so a page an hour old still takes comments.
 */
public final class PageCache {
    /** How long a stored page may be served, well within the comment form token's life of 24 hours. */
    public static final Duration MAX_AGE = Duration.ofHours(1);
    /**
     * Browsers ask again each time (and get a cheap 304 from memory); a CDN in front may keep a page a
     * minute, which turns a storm of readers into one request a minute per page.
     */
    public static final String CACHE_CONTROL = "public, max-age=0, s-maxage=60";
    /** Tells tests and operators how a page was answered: {@code hit}, {@code miss} or {@code bypass}. */
    public static final String STATUS_HEADER = "X-Page-Cache";
    /**
     * The query parameters the public pages read (list paging, comment paging, replying to a comment); an
     * address with any other is answered fresh, so no one fills the memory with made-up addresses.
     */
    static final Set<String> PAGE_PARAMETERS = Set.of("before", "after", "cpage", "replytocom");

    private static final String SHOWS = "dateline.page-shows";
    private static final String RENDERING = "dateline.page-rendering";
    /**
     * Set on a request by {@link CachedPageHandler} when it looked for the page and found none, so that the
     * routes' first step does not look again.
     */
    static final String MISSED_BEFORE_ROUTES = "dateline.page-missed";
    private static final long WAIT_SECONDS = 20;
    private static final int ENTRY_OVERHEAD = 256;
    /** What a tag costs a kept page: its characters, and its place in the page and in {@link #showing}. */
    private static final int TAG_OVERHEAD = 96;

    /**
     * A kept page. Its bytes live outside the Java heap, read-only, so that the network writes them without
     * first copying them there, and a large cache adds no work to the garbage collector.
     */
    record Entry(String contentType, ByteBuffer plain, ByteBuffer gzip, String etag, Instant lastModified,
                 String lastModifiedHeader, Set<String> tags, HttpField[] plainHeaders, HttpField[] gzipHeaders) {
        /**
         * {@code lastModifiedHeader}, the date as the header writes it, is formatted once here rather than for
         * every reader: formatting it took a tenth of the memory a kept page's answer allocated.
         */
        Entry(String contentType, byte[] plain, byte[] gzip, String etag, Instant lastModified, Set<String> tags) {
            this(contentType, outsideTheHeap(plain), outsideTheHeap(gzip), etag, lastModified,
                    lastModified == null ? null : HttpCaching.httpDate(lastModified), tags, null, null);
        }

        Entry {
            if (plainHeaders == null) {
                plainHeaders = encodedHeaders(contentType, plain.capacity(), false, etag, lastModifiedHeader);
                gzipHeaders = encodedHeaders(contentType, gzip.capacity(), true, etag, lastModifiedHeader);
            }
        }

        /**
         * Every header of a hit answered before the routes, encoded once when the page is kept: writing the
         * same dozen headers as text for each reader was a good part of the work of such an answer.
         */
        private static HttpField[] encodedHeaders(String contentType, int length, boolean gzip, String etag,
                                                  String lastModifiedHeader) {
            List<HttpField> fields = new ArrayList<>();
            BiConsumer<String, String> add = (name, value) -> fields.add(new PreEncodedHttpField(name, value));
            WebServer.SECURITY_HEADERS.forEach(add);
            add.accept(STATUS_HEADER, "hit");
            validators(etag, lastModifiedHeader, add);
            content(contentType, gzip, length, add);
            return fields.toArray(HttpField[]::new);
        }

        /** The headers of a hit answered before the routes, encoded once (see {@link CachedPageHandler}). */
        HttpField[] encodedHeaders(boolean gzip) {
            return gzip ? gzipHeaders : plainHeaders;
        }

        private static ByteBuffer outsideTheHeap(byte[] bytes) {
            return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
        }

        int weight(String key) {
            long w = (long) plain.capacity() + gzip.capacity() + key.length() * 2L + ENTRY_OVERHEAD
                    + tags.stream().mapToLong(t -> t.length() * 2L + TAG_OVERHEAD).sum();
            return (int) Math.min(Integer.MAX_VALUE, w);
        }

        /** The body to send, as a buffer of its own (the entry's are shared by every reader). */
        ByteBuffer body(boolean gzip) {
            return (gzip ? this.gzip : plain).duplicate();
        }

        byte[] bodyBytes(boolean gzip) {
            ByteBuffer body = body(gzip);
            byte[] bytes = new byte[body.remaining()];
            body.get(bytes);
            return bytes;
        }

        /** The headers that let a reader or a CDN keep this page and ask whether it changed. */
        void validators(BiConsumer<String, String> header) {
            validators(etag, lastModifiedHeader, header);
        }

        private static void validators(String etag, String lastModifiedHeader, BiConsumer<String, String> header) {
            header.accept("ETag", etag);
            header.accept("Vary", "Accept-Encoding");
            header.accept("Cache-Control", CACHE_CONTROL);
            if (lastModifiedHeader != null) header.accept("Last-Modified", lastModifiedHeader);
        }

        /** The headers that describe the body sent, plain or compressed. */
        void content(boolean gzip, BiConsumer<String, String> header) {
            content(contentType, gzip, (gzip ? this.gzip : plain).capacity(), header);
        }

        private static void content(String contentType, boolean gzip, int length, BiConsumer<String, String> header) {
            header.accept("Content-Type", contentType);
            // a Content-Encoding of our own keeps the server from compressing the bytes again
            if (gzip) header.accept("Content-Encoding", "gzip");
            header.accept("Content-Length", Integer.toString(length));
        }
    }

    private record Render(String key, CompletableFuture<Entry> done, long generation) {}

    private final Cache<String, Entry> entries;
    /**
     * For each tag, the kept pages showing it: key to entry. A page is entered here before it is kept and
     * taken out when it leaves the cache however it leaves (evicted for room or age, replaced, dropped), and
     * only the very entry that left is taken out, so a page kept again under the same key stays entered
     * whatever the order of the two. It holds one reference per tag of each kept page, which that page's
     * weight counts, so the cache's bound bounds it too.
     */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Entry>> showing = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Entry>> rendering = new ConcurrentHashMap<>();
    /** Moves on every invalidation, so a render that began before a change is not kept after it. */
    private final AtomicLong generation = new AtomicLong();
    /**
     * Keeping a page (checking the generation, entering it, storing it) holds the read side; moving the
     * generation holds the write side. So an invalidation either comes before a page is kept, which then
     * sees the new generation and is not kept, or after, and finds the page entered under its tags.
     */
    private final ReadWriteLock keeping = new ReentrantReadWriteLock();
    /**
     * How requests were answered, as {@link #STATUS_HEADER} says, for the metrics: adders, which cost the hot path
     * one uncontended add and no allocation. Hits answered in Jetty, before the routes, are counted apart.
     */
    private final LongAdder hitsBeforeRoutes = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder bypasses = new LongAdder();

    private PageCache(long maximumBytes) {
        this.entries = maximumBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maximumBytes)
                .<String, Entry>weigher((key, entry) -> entry.weight(key))
                .expireAfterWrite(MAX_AGE)
                .evictionListener((String key, Entry entry, RemovalCause cause) -> forget(key, entry))
                .build();
    }

    /** A cache holding at most {@code megabytes} of pages; 0 turns it off (every page is rendered). */
    public static PageCache ofMegabytes(int megabytes) {
        return new PageCache(megabytes * 1024L * 1024L);
    }

    public static PageCache ofBytes(long bytes) {
        return new PageCache(bytes);
    }

    /** Declares what the page being rendered shows, so that a change to any of it drops the page. */
    public static void shows(Context ctx, Collection<String> tags) {
        Set<String> shown = ctx.attribute(SHOWS);
        if (shown == null) {
            shown = new HashSet<>();
            ctx.attribute(SHOWS, shown);
        }
        shown.addAll(tags);
    }

    public static void shows(Context ctx, String... tags) {
        shows(ctx, List.of(tags));
    }

    /**
     * Drops every stored page that shows one of {@code tags} ({@link PageTags#SITE} drops them all). The one
     * entry point for change, so that several servers can later share the same tag sets. It looks at the
     * pages entered under those tags only, not at every page kept.
     */
    public void invalidate(Collection<String> tags) {
        boolean everything = tags.contains(PageTags.SITE);
        keeping.writeLock().lock();
        try {
            generation.incrementAndGet();
            if (entries != null && everything) {
                entries.invalidateAll();
                showing.clear();
            }
        } finally {
            keeping.writeLock().unlock();
        }
        if (entries == null || everything) return;
        for (String tag : tags) {
            Map<String, Entry> pages = showing.get(tag);
            if (pages == null) continue;
            pages.forEach((key, entry) -> {
                // only the entry found under the tag: a newer one kept since under the same key was entered anew
                if (dropped(key, entry)) forget(key, entry);
            });
        }
    }

    /** Drops the page kept under {@code key} if it is this very entry (entries are compared as objects, not by their bytes). */
    private boolean dropped(String key, Entry entry) {
        boolean[] dropped = {false};
        entries.asMap().computeIfPresent(key, (k, current) -> {
            if (current != entry) return current;
            dropped[0] = true;
            return null;
        });
        return dropped[0];
    }

    /** Enters a page under each tag it shows, before it is kept. */
    private void enter(String key, Entry entry) {
        for (String tag : entry.tags()) {
            // inside the tag's own atomic step, so that a forget emptying its map cannot drop it meanwhile
            showing.compute(tag, (t, pages) -> {
                ConcurrentHashMap<String, Entry> kept = pages == null ? new ConcurrentHashMap<>() : pages;
                kept.put(key, entry);
                return kept;
            });
        }
    }

    /** Takes a page that left the cache out from under its tags, and a tag no page shows any more out altogether. */
    private void forget(String key, Entry entry) {
        for (String tag : entry.tags()) {
            showing.computeIfPresent(tag, (t, pages) -> {
                pages.computeIfPresent(key, (k, entered) -> entered == entry ? null : entered);
                return pages.isEmpty() ? null : pages;
            });
        }
    }

    /** How many kept pages are entered under {@code tag}, once the cache has caught up with its evictions. */
    int pagesShowing(String tag) {
        if (entries == null) return 0;
        entries.cleanUp();
        Map<String, Entry> pages = showing.get(tag);
        return pages == null ? 0 : pages.size();
    }

    /** The page kept for {@code key} (an address as {@link #key} makes it), if any; nothing is rendered. */
    Entry stored(String key) {
        return entries == null ? null : entries.getIfPresent(key);
    }

    /** Counts a kept page answered by {@link CachedPageHandler}, before the routes. */
    void countHitBeforeRoutes() {
        hitsBeforeRoutes.increment();
    }

    /** Kept pages answered in Jetty, before the routes, since start. */
    public long hitsBeforeRoutes() {
        return hitsBeforeRoutes.sum();
    }

    /** Kept pages answered by the routes' first step (conditional, paged, HEAD requests…), since start. */
    public long hits() {
        return hits.sum();
    }

    /** Pages rendered because none was kept (whether or not the result could be kept), since start. */
    public long misses() {
        return misses.sum();
    }

    /** Pages made fresh for one reader, or for an address with parameters the pages do not read, since start. */
    public long bypasses() {
        return bypasses.sum();
    }

    /** The bytes the stored pages take, as weighed against the bound. */
    public long weight() {
        if (entries == null) return 0;
        entries.cleanUp();
        return entries.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /**
     * Before the routes: answers from memory when it can, waits for a render already under way for the
     * same page, or lets this request render and remembers to keep the result.
     */
    public void lookUp(Context ctx, boolean personal) {
        if (entries == null || !(ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD"))) return;
        String key = key(ctx);
        if (key == null || personal) {
            if (personal) HttpCaching.markPersonal(ctx);
            ctx.header(STATUS_HEADER, "bypass");
            bypasses.increment();
            return;
        }
        // a reader without cookies was looked for already, before the routes
        Entry stored = key.equals(ctx.attribute(MISSED_BEFORE_ROUTES)) ? null : entries.getIfPresent(key);
        if (stored == null) {
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            CompletableFuture<Entry> underWay = rendering.putIfAbsent(key, mine);
            if (underWay != null) {
                stored = awaited(underWay);
            } else {
                stored = entries.getIfPresent(key); // kept between the first look and the claim
                if (stored != null) {
                    rendering.remove(key, mine);
                    mine.complete(stored);
                } else {
                    ctx.attribute(RENDERING, new Render(key, mine, generation.get()));
                }
            }
        }
        if (stored != null) {
            hits.increment();
            send(ctx, stored, "hit");
            ctx.skipRemainingHandlers();
        } else {
            misses.increment();
            ctx.header(STATUS_HEADER, "miss");
        }
    }

    /** After the routes: keeps the page this request rendered, if it may be kept, and hands it to any waiting. */
    public void keep(Context ctx) {
        Render render = ctx.attribute(RENDERING);
        if (render == null) return;
        ctx.attribute(RENDERING, null);
        Entry entry = null;
        try {
            entry = keepable(ctx);
            if (entry != null && kept(render, entry)) {
                send(ctx, entry, "miss");
            } else {
                entry = null;
            }
        } finally {
            rendering.remove(render.key(), render.done());
            render.done().complete(entry);
        }
    }

    /** Keeps a rendered page unless something it may show changed since its render began. */
    private boolean kept(Render render, Entry entry) {
        keeping.readLock().lock();
        try {
            if (generation.get() != render.generation()) return false;
            enter(render.key(), entry);
            Entry replaced = entries.asMap().put(render.key(), entry);
            if (replaced != null) forget(render.key(), replaced);
            return true;
        } finally {
            keeping.readLock().unlock();
        }
    }

    private Entry keepable(Context ctx) {
        Set<String> tags = ctx.attribute(SHOWS);
        if (tags == null || ctx.status() != HttpStatus.OK || ctx.attribute(HttpCaching.PERSONAL) != null
                || !ctx.res().getHeaders("Set-Cookie").isEmpty() || ctx.res().getHeader("Content-Encoding") != null) {
            return null;
        }
        InputStream result = ctx.resultInputStream();
        if (result == null) return null;
        byte[] plain;
        try (result) {
            plain = result.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.result(plain);
        String etag = ctx.res().getHeader("ETag");
        if (etag == null) etag = "W/\"" + HttpCaching.fingerprint(plain) + "\"";
        return new Entry(ctx.res().getContentType(), plain, gzip(plain), etag,
                parsedDate(ctx.res().getHeader("Last-Modified")), Set.copyOf(tags));
    }

    private static void send(Context ctx, Entry entry, String how) {
        ctx.header(STATUS_HEADER, how);
        entry.validators(ctx::header);
        if (HttpCaching.isFresh(ctx, entry.etag(), entry.lastModified())) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            ctx.result(new byte[0]);
            return;
        }
        ctx.status(HttpStatus.OK);
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        entry.content(gzip, (name, value) -> {
            if (name.equals("Content-Type")) ctx.contentType(value);
            else ctx.header(name, value);
        });
        ctx.result(entry.bodyBytes(gzip));
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.strip().split(";");
            if (!coding[0].strip().equalsIgnoreCase("gzip")) continue;
            return coding.length < 2 || !coding[1].strip().replace(" ", "").matches("q=0(\\.0*)?");
        }
        return false;
    }

    /** The address with only the parameters that change a page, in a fixed order; null when it has others. */
    static String key(Context ctx) {
        Map<String, List<String>> params = ctx.queryParamMap();
        if (params.isEmpty()) return ctx.path();
        Map<String, String> kept = new TreeMap<>();
        for (var param : params.entrySet()) {
            if (!PAGE_PARAMETERS.contains(param.getKey()) || param.getValue().size() != 1) return null;
            kept.put(param.getKey(), param.getValue().get(0));
        }
        StringBuilder key = new StringBuilder(ctx.path());
        char sep = '?';
        for (var param : kept.entrySet()) {
            key.append(sep).append(param.getKey()).append('=').append(param.getValue());
            sep = '&';
        }
        return key.toString();
    }

    private static Entry awaited(CompletableFuture<Entry> underWay) {
        try {
            return underWay.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null; // the other render failed or is slow: render this one
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Instant parsedDate(String header) {
        if (header == null) return null;
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(header));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
