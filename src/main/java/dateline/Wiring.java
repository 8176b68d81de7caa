package dateline;

import dateline.accounts.AccountRoutes;
import dateline.accounts.AccountService;
import dateline.accounts.PasswordResets;
import dateline.accounts.SessionService;
import dateline.admin.AdminRoute;
import dateline.admin.AdminRoutes;
import dateline.admin.ArticleDeskRoutes;
import dateline.admin.CommentDeskRoutes;
import dateline.admin.MediaDeskRoutes;
import dateline.admin.Newsroom;
import dateline.admin.PageDeskRoutes;
import dateline.admin.SectionRoutes;
import dateline.admin.SettingsRoutes;
import dateline.admin.SetupRoutes;
import dateline.admin.StaffRoutes;
import dateline.admin.TokenRoutes;
import dateline.api.ApiRoute;
import dateline.api.ApiRoutes;
import dateline.api.ApiTokens;
import dateline.api.ArticleApiRoutes;
import dateline.api.CommentApiRoutes;
import dateline.api.DirectoryApiRoutes;
import dateline.admin.WebhookRoutes;
import dateline.articles.ArticleRoutes;
import dateline.articles.ArticleService;
import dateline.articles.ArticleViews;
import dateline.articles.ScheduledPublishing;
import dateline.comments.CommentRoutes;
import dateline.comments.CommentService;
import dateline.feeds.FeedRoutes;
import dateline.admin.TransferRoutes;
import dateline.imports.BackgroundImports;
import dateline.imports.ExportService;
import dateline.imports.FormerAddressRoutes;
import dateline.imports.ImportService;
import dateline.mail.MailService;
import dateline.mail.MailSettings;
import dateline.mail.OutboxDelivery;
import dateline.markup.Markdown;
import dateline.media.DatabaseMediaStore;
import dateline.media.LocalMediaStore;
import dateline.media.MediaStore;
import dateline.media.MediaRoutes;
import dateline.media.MediaService;
import dateline.moderation.SpamClassifier;
import dateline.pages.PageRoutes;
import dateline.pages.PageService;
import dateline.search.SearchIndex;
import dateline.search.SearchRoutes;
import dateline.search.SearchService;
import dateline.search.SearchViews;
import dateline.site.SiteRoutes;
import dateline.site.SiteService;
import dateline.site.SmtpServer;
import dateline.storage.Database;
import dateline.storage.DatabaseBuckets;
import dateline.storage.InvalidationLog;
import dateline.web.Assets;
import dateline.web.Csrf;
import dateline.web.MetricsRoutes;
import dateline.web.MetricsServer;
import dateline.web.PageCache;
import dateline.web.ReadinessRoutes;
import dateline.web.ServerErrorPage;
import dateline.web.Templates;
import dateline.web.WebServer;
import dateline.webhooks.WebhookAnnouncer;
import dateline.webhooks.WebhookDelivery;
import dateline.webhooks.WebhookService;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The composition root: builds every service of a site in dependency order over one database, and, for
 * {@code serve}, the web server and the background work (scheduled publishing, mail and webhook
 * delivery, housekeeping). Nothing else constructs services.
 */
public final class Wiring implements AutoCloseable {
    static final List<String> ASSETS = List.of("site.css", "icon.svg", "admin.css", "admin.js", "comments.js");

    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final Markdown markdown = new Markdown();
    private final SiteService site;
    private final MailService mail;
    private final AccountService accounts;
    private final SessionService sessions;
    private final PasswordResets passwordResets;
    private final ArticleService articles;
    private final MediaService media;
    private final SpamClassifier spam;
    private final CommentService comments;
    private final ApiTokens apiTokens;
    private final WebhookService webhooks;
    private final SearchService search;
    private final PageService pages;
    private final PageCache pageCache;
    private final CacheInvalidation invalidation;
    private final ExportService exports;
    private final ImportService imports;
    /**
     * Names this node among all that share the database, in the invalidation log and the outboxes' claims:
     * unique to this Wiring, so that it skips its own entries but not those of another in the same JVM.
     */
    private final String node = nodeName() + "/" + Long.toHexString(new java.security.SecureRandom().nextLong());
    private final List<AutoCloseable> running = new ArrayList<>();
    private final StartupTimeline startup;
    private AdminRoutes adminRoutes;
    private ApiRoutes apiRoutes;
    private WebServer web;

    private Wiring(Settings settings, Clock clock, Database database, StartupTimeline startup) {
        this.settings = settings;
        this.startup = startup;
        this.clock = clock;
        this.database = database;
        var jdbi = database.jdbi();
        this.site = new SiteService(jdbi, clock);
        this.mail = new MailService(jdbi, this::mailSettings, clock);
        this.accounts = new AccountService(jdbi, new DatabaseBuckets(jdbi, clock), clock);
        this.sessions = new SessionService(jdbi, accounts, clock);
        this.passwordResets = new PasswordResets(jdbi, accounts, sessions, mail, clock);
        this.media = new MediaService(jdbi, mediaStore(settings, jdbi), clock, () -> site.settings().uploadLimitBytes());
        this.articles = new ArticleService(jdbi, accounts, site, media, markdown, clock);
        this.search = new SearchService(jdbi, SearchIndex.of(database.dialect()), articles, site);
        articles.addListener(search);
        this.pages = new PageService(jdbi, articles, markdown, clock);
        this.spam = new SpamClassifier(jdbi, clock);
        this.comments = new CommentService(jdbi, articles, accounts, site, mail, new DatabaseBuckets(jdbi, clock), spam,
                clock, settings.baseUrl());
        this.apiTokens = new ApiTokens(jdbi, accounts, clock);
        this.webhooks = new WebhookService(jdbi, clock);
        WebhookAnnouncer announcer = new WebhookAnnouncer(webhooks, articles, settings.baseUrl());
        articles.addListener(announcer);
        comments.addListener(announcer);
        this.pageCache = PageCache.ofMegabytes(settings.pageCacheMb());
        this.invalidation = new CacheInvalidation(pageCache, pages, site, spam, new InvalidationLog(database), node,
                clock);
        articles.addListener(invalidation);
        comments.addListener(invalidation);
        site.addListener(invalidation);
        pages.addListener(invalidation);
        spam.addListener(invalidation);
        this.exports = new ExportService(site, accounts, articles, pages, comments, media, settings.baseUrl(), clock);
        this.imports = new ImportService(jdbi, accounts, articles, pages, comments, media, site, clock);
        startup.mark("services built");
    }

    private static MediaStore mediaStore(Settings settings, org.jdbi.v3.core.Jdbi jdbi) {
        return switch (settings.mediaStore()) {
            case LOCAL -> new LocalMediaStore(settings.dataDir().resolve("media"));
            case DATABASE -> new DatabaseMediaStore(jdbi);
        };
    }

    /** Opens the site's database (migrating it to the current schema) and builds its services. */
    public static Wiring open(Settings settings, Clock clock) {
        StartupTimeline startup = new StartupTimeline();
        startup.mark("command line read");
        Database database = settings.databaseUrl().map(Database::open)
                .orElseGet(() -> Database.openSqlite(settings.dataDir()));
        startup.mark("database opened and migrated");
        return new Wiring(settings, clock, database, startup);
    }

    /** Builds the web server over the services, starts it, and starts the background work. */
    public WebServer startWeb() {
        search.buildIfEmpty(); // a site that had articles before it had search
        startup.mark("search index checked");
        Templates templates = templates();
        Assets assets = assets();
        Csrf csrf = new Csrf(settings.baseUrl(), java.util.Set.of(CommentRoutes.POST_PATH), ApiRoutes.BASE + "/");
        ArticleViews views = new ArticleViews(site, articles, media, markdown, assets, settings.baseUrl(), clock, pages);
        CommentRoutes commentRoutes = new CommentRoutes(comments, articles, views, site, templates, settings.baseUrl());
        PageRoutes pageRoutes = new PageRoutes(pages, site, views, templates, settings.baseUrl());
        ArticleRoutes articleRoutes = new ArticleRoutes(articles, accounts, site, views, templates, commentRoutes::section,
                pageRoutes::show);
        SetupRoutes setup = new SetupRoutes(accounts, site, views, templates, csrf);
        AccountRoutes accountRoutes = new AccountRoutes(accounts, sessions, passwordResets, site, views, templates, csrf,
                settings.baseUrl());
        Newsroom newsroom = new Newsroom(site, templates, assets, csrf);
        AdminRoutes admin = adminRoutes = new AdminRoutes(newsroom,
                new ArticleDeskRoutes(articles, accounts, site, media, comments, views, markdown, newsroom, search, clock),
                new CommentDeskRoutes(comments, articles, site, newsroom),
                new MediaDeskRoutes(media, site, newsroom),
                new SettingsRoutes(site, newsroom, clock),
                new SectionRoutes(articles, newsroom),
                new StaffRoutes(accounts, newsroom),
                new TokenRoutes(apiTokens, accounts, site, newsroom),
                new WebhookRoutes(webhooks, site, newsroom),
                new PageDeskRoutes(pages, articles, pageRoutes, markdown, newsroom),
                new TransferRoutes(backgroundImports(), exports, site, newsroom, clock));
        ApiRoutes api = apiRoutes = new ApiRoutes(apiTokens, new DatabaseBuckets(database.jdbi(), clock),
                new ArticleApiRoutes(articles, accounts, site, settings.baseUrl()),
                new CommentApiRoutes(comments, articles, settings.baseUrl()),
                new DirectoryApiRoutes(articles, accounts, settings.baseUrl()), settings.baseUrl());
        String serverError = templates.render("errors/server_error.jte",
                new ServerErrorPage(assets.url("site.css"), assets.url("icon.svg")));
        FormerAddressRoutes formerAddresses = new FormerAddressRoutes(imports);
        // Micrometer, its registry and the JVM's management beans only when somebody can read them: they loaded
        // some 400 classes into every start
        boolean measured = settings.metricsPort() > 0 || settings.metricsToken().isPresent();
        Monitoring monitoring = measured ? new Monitoring(database, pageCache, mail, webhooks) : null;
        WebServer web = this.web = new WebServer(
                new WebServer.Options(settings.host(), settings.port(), csrf, accountRoutes::identify,
                        formerAddresses.orElse(articleRoutes::notFound),
                        newsroom::renderNotAllowed,
                        serverError, pageCache,
                        ctx -> AccountRoutes.carriesSession(ctx) || commentRoutes.awaitsModeration(ctx),
                        new WebServer.Unavailable(Database::isUnreachable, templates.render("errors/unavailable.jte",
                                new ServerErrorPage(assets.url("site.css"), assets.url("icon.svg"))))),
                List.of(new ReadinessRoutes(database::isMigrated, database::isReachable),
                        new MetricsRoutes(settings.metricsToken(), measured ? monitoring::scrape : () -> ""),
                        assets, setup, formerAddresses, accountRoutes, new SiteRoutes(site, views, templates, markdown, settings.baseUrl()),
                        new MediaRoutes(media), commentRoutes, admin, api,
                        new SearchRoutes(new SearchViews(search, articles, accounts, site, views), templates),
                        // before the articles': /sections/x/feed/atom/ has the shape of an article's address
                        new FeedRoutes(articles, accounts, comments, media, site, settings.baseUrl(), clock),
                        articleRoutes,
                        // last: a page's address can be anything that no other route claims
                        pageRoutes),
                new WebServer.Operations(measured ? monitoring.requests() : null, settings.forwardedHeaders()));
        startup.mark("routes built");
        web.start();
        startup.mark("listening");
        running.add(0, web); // first to stop: no new request while the workers below finish theirs
        // the first time a site is served, and not for the other commands; once the port is open, not before
        running.add(spam.prepareMeanwhile());
        if (settings.metricsPort() > 0) running.add(MetricsServer.start(settings.metricsPort(), monitoring::scrape));
        running.add(new ScheduledPublishing(articles).start());
        running.add(new OutboxDelivery(database.jdbi(), this::mailSettings, clock, node).start());
        running.add(new WebhookDelivery(database.jdbi(), clock, node).start());
        running.add(invalidation.follow());
        running.add(new Housekeeping(sessions, passwordResets, mail, comments, spam, invalidation, database.jdbi(),
                clock).start());
        if (measured) running.add(monitoring);
        setup.announce(settings.baseUrl());
        startup.mark("background work started");
        return web;
    }

    /** Imports started from the newsroom, one at a time; the uploaded files wait in the data folder. */
    private BackgroundImports backgroundImports() {
        BackgroundImports background = new BackgroundImports(imports(), settings.dataDir().resolve("imports"), clock);
        running.add(background);
        return background;
    }

    /** The mail server chosen in the site's settings, as the mail feature needs it. */
    private MailSettings mailSettings() {
        SmtpServer smtp = site.smtp();
        return new MailSettings(smtp.host(), smtp.port(), smtp.username(), smtp.password(), smtp.fromAddress(),
                smtp.fromName(), MailSettings.Security.valueOf(smtp.security().toUpperCase(Locale.ROOT)));
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            return "node:" + ProcessHandle.current().pid();
        }
    }

    private Templates templates() {
        Path sources = Path.of("src", "main", "jte");
        if (settings.dev() && Files.isDirectory(sources)) {
            return Templates.fromSources(sources, Path.of("target", "jte-dev-classes"));
        }
        return Templates.precompiled();
    }

    private Assets assets() {
        Path sources = Path.of("src", "main", "resources", "assets");
        if (settings.dev() && Files.isDirectory(sources)) return Assets.fromFolder(sources, ASSETS);
        return Assets.fromClasspath(ASSETS);
    }

    /** When each step of opening the site and starting its server ended. */
    StartupTimeline startup() {
        return startup;
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public SiteService site() {
        return site;
    }

    public MailService mail() {
        return mail;
    }

    public AccountService accounts() {
        return accounts;
    }

    public SessionService sessions() {
        return sessions;
    }

    public PasswordResets passwordResets() {
        return passwordResets;
    }

    /** The finished public pages kept in memory. */
    public PageCache pageCache() {
        return pageCache;
    }

    public ArticleService articles() {
        return articles;
    }

    /** The newsroom's route table with each route's permission, once the web server is built. */
    public List<AdminRoute> adminRouteTable() {
        return adminRoutes == null ? List.of() : adminRoutes.table();
    }

    /** The paths of every public and newsroom route, in the order they are tried, once the web server is built. */
    public List<String> routePaths() {
        return web == null ? List.of() : web.routePaths();
    }

    public PageService pages() {
        return pages;
    }

    /** The API's route table with each route's scope and permission, once the web server is built. */
    public List<ApiRoute> apiRouteTable() {
        return apiRoutes == null ? List.of() : apiRoutes.table();
    }

    public ApiTokens apiTokens() {
        return apiTokens;
    }

    public CommentService comments() {
        return comments;
    }

    public WebhookService webhooks() {
        return webhooks;
    }

    public SearchService search() {
        return search;
    }

    public SpamClassifier spam() {
        return spam;
    }

    public MediaService media() {
        return media;
    }

    /** The whole site as a WXR file or Dateline's JSON document. */
    public ExportService exports() {
        return exports;
    }

    /** Moving a site in from a WordPress export. */
    public ImportService imports() {
        return imports;
    }

    public Markdown markdown() {
        return markdown;
    }

    /** Stops the web server and the background work, then closes the database. */
    @Override
    public void close() {
        for (AutoCloseable service : running) {
            try {
                service.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Wiring.class).warn("Stopping {} failed", service, e);
            }
        }
        running.clear();
        database.close();
    }
}
