package dateline;

import dateline.accounts.AccountService;
import dateline.admin.SetupRoutes;
import dateline.articles.ArticleRoutes;
import dateline.articles.ArticleService;
import dateline.articles.ArticleViews;
import dateline.markup.Markdown;
import dateline.site.SiteService;
import dateline.storage.Database;
import dateline.web.Assets;
import dateline.web.Csrf;
import dateline.web.ServerErrorPage;
import dateline.web.Templates;
import dateline.web.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The composition root: builds every service of a site in dependency order over one database, and, for
 * {@code serve}, the web server that shows them. Nothing else constructs services.
 */
public final class Wiring implements AutoCloseable {
    static final List<String> ASSETS = List.of("site.css", "icon.svg");

    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final Markdown markdown = new Markdown();
    private final SiteService site;
    private final AccountService accounts;
    private final ArticleService articles;
    private WebServer web;

    private Wiring(Settings settings, Clock clock, Database database) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.site = new SiteService(database.jdbi());
        this.accounts = new AccountService(database.jdbi(), clock);
        this.articles = new ArticleService(database.jdbi(), accounts, site, markdown, clock);
    }

    /** Opens the site's database (migrating it to the current schema) and builds its services. */
    public static Wiring open(Settings settings, Clock clock) {
        return new Wiring(settings, clock, Database.openSqlite(settings.dataDir()));
    }

    /** Builds the web server over the services and starts it. */
    public WebServer startWeb() {
        Templates templates = templates();
        Assets assets = assets();
        Csrf csrf = new Csrf(settings.baseUrl());
        ArticleViews views = new ArticleViews(site, articles, markdown, assets, settings.baseUrl(), clock);
        ArticleRoutes articleRoutes = new ArticleRoutes(articles, accounts, site, views, templates);
        SetupRoutes setup = new SetupRoutes(accounts, site, views, templates, csrf);
        String serverError = templates.render("errors/server_error.jte",
                new ServerErrorPage(assets.url("site.css"), assets.url("icon.svg")));
        web = new WebServer(
                new WebServer.Options(settings.host(), settings.port(), csrf, articleRoutes::notFound, serverError,
                        database::isReachable),
                List.of(assets, setup, articleRoutes)).start();
        setup.announce(settings.baseUrl());
        return web;
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

    public AccountService accounts() {
        return accounts;
    }

    public ArticleService articles() {
        return articles;
    }

    public Markdown markdown() {
        return markdown;
    }

    @Override
    public void close() {
        if (web != null) web.close();
        database.close();
    }
}
