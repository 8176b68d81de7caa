package dateline.imports;

import dateline.accounts.AccountService;
import dateline.articles.ArticleService;
import dateline.articles.ArticleStatus;
import dateline.articles.Section;
import dateline.articles.Tag;
import dateline.comments.CommentService;
import dateline.media.MediaFile;
import dateline.media.MediaService;
import dateline.pages.Page;
import dateline.pages.PageService;
import dateline.pages.PageStatus;
import dateline.site.SiteService;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Moving a site in: puts what an export holds into this site through the features' own import verbs, and
 * answers the old site's addresses with the new ones.
 *
 * <p>An import reads the file twice. The first pass writes nothing: it checks everything a write could
 * refuse, so a file the reader refuses (malformed, truncated, an unknown version, a field too long to keep)
 * imports nothing, and it counts what would be created — for a dry run, that is the report. The second
 * pass writes, a few hundred items to a transaction: the features' verbs called inside it join it, so an
 * item, its comments, their record of where they came from and the old addresses that lead to them are
 * stored together or not at all. Attachments become media files first (when an uploads folder is given),
 * so that the articles that show them can point at them. Memory holds only maps of WordPress ids to
 * Dateline ids, one batch of items, and pages whose parent has not come yet.
 *
 * <p>Everything imported is recorded with the site it came from and its WordPress id (and GUID): a second
 * import of the same export matches all of it and creates nothing, and a newer export adds only what is
 * new. An import stopped half-way leaves whole batches, and running it again finishes it.
 */
public final class ImportService {
    /** The services and store an import works through. */
    record Parts(ImportRepository repository, AccountService accounts, ArticleService articles, PageService pages,
                 CommentService comments, MediaService media, SiteService site, Clock clock) {}

    /** The WordPress query parameters that name a thing by id or slug, in the order they are looked at. */
    static final List<String> QUERY_KEYS = List.of("p", "page_id", "attachment_id", "cat", "tag");

    private final Parts parts;

    public ImportService(Jdbi jdbi, AccountService accounts, ArticleService articles, PageService pages,
                         CommentService comments, MediaService media, SiteService site, Clock clock) {
        this.parts = new Parts(new ImportRepository(jdbi), accounts, articles, pages, comments, media, site, clock);
    }

    /**
     * Imports an export file read by {@code reader}. Throws {@link WxrException} for a file that cannot be
     * imported, having written nothing.
     */
    public ImportReport run(Path file, Wxr.Reader reader, ImportOptions options, ImportProgress progress) {
        ImportRun check = new ImportRun(parts, options, progress, null);
        reader.read(file, check);
        ImportReport checked = check.finish();
        if (options.dryRun()) return checked;
        try (ImportRun write = new ImportRun(parts, options, progress, check.attachments())) {
            reader.read(file, write);
            return write.finish();
        }
    }

    /**
     * Where an address of the old site now leads, if it leads anywhere: an imported item's permalink, a
     * category's or tag's archive, or the site's root with {@code ?p=}, {@code ?page_id=},
     * {@code ?attachment_id=}, {@code ?cat=} or {@code ?tag=}. {@code query} is the raw query string, or null.
     * Leads nowhere when what it named is not public (any more).
     */
    public Optional<String> redirectFor(String path, String query) {
        for (String key : keysOf(path, query)) {
            Optional<String> target = parts.repository().redirectFor(key).flatMap(this::addressOf);
            if (target.isPresent()) return target;
        }
        return Optional.empty();
    }

    /** The keys an address is looked up by: the WordPress query on the root, else the path with and without its slash. */
    static List<String> keysOf(String path, String query) {
        if (path == null) return List.of();
        if ((path.equals("/") || path.equals("/index.php")) && query != null) {
            for (String key : QUERY_KEYS) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).equals(key)) {
                        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
                        if (!value.isEmpty()) return List.of(queryKey(key, value));
                    }
                }
            }
            return List.of();
        }
        String decoded = decodedPath(path);
        if (decoded == null || decoded.equals("/")) return List.of();
        return decoded.endsWith("/") ? List.of(decoded) : List.of(decoded, decoded + "/");
    }

    static String queryKey(String key, String value) {
        return "/?" + key + "=" + value;
    }

    /** A path with its percent-escapes decoded (WordPress writes non-Latin slugs escaped), or null when it is no path. */
    static String decodedPath(String path) {
        if (path == null || !path.startsWith("/")) return null;
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    private Optional<String> addressOf(ImportRepository.Target target) {
        long id = target.id();
        return switch (target.kind()) {
            case "article" -> parts.articles().full(id).map(f -> f.article())
                    .filter(a -> a.status() == ArticleStatus.PUBLISHED || a.status() == ArticleStatus.RETRACTED)
                    .map(a -> a.path());
            case "page" -> parts.pages().byId(id).filter(p -> p.status() == PageStatus.PUBLISHED).map(Page::path);
            case "section" -> parts.articles().sections().stream().filter(s -> s.id() == id).findFirst().map(Section::path);
            case "tag" -> parts.articles().tags().stream().filter(t -> t.id() == id).findFirst().map(Tag::path);
            case "media" -> parts.media().byId(id).filter(m -> !m.variants().isEmpty()).map(MediaFile::url);
            default -> Optional.empty();
        };
    }
}
