package dateline.admin;

import dateline.accounts.Permission;
import dateline.imports.BackgroundImports;
import dateline.imports.ExportService;
import dateline.imports.ImportJob;
import dateline.site.SiteService;
import dateline.site.SiteTime;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * "Import and export": an administrator uploads a WordPress export (or Dateline's JSON) to import in the
 * background and watches it, and downloads the whole site in either format. Administrators only: an import
 * writes accounts, and an export holds every draft and every commenter's address.
 */
public final class TransferRoutes {
    static final String PATH = "/admin/transfer";
    /** How often the screen asks again while an import runs. */
    static final int REFRESH_SECONDS = 2;

    private final BackgroundImports imports;
    private final ExportService exports;
    private final SiteService site;
    private final Newsroom newsroom;
    private final Clock clock;

    public TransferRoutes(BackgroundImports imports, ExportService exports, SiteService site, Newsroom newsroom, Clock clock) {
        this.imports = imports;
        this.exports = exports;
        this.site = site;
        this.newsroom = newsroom;
        this.clock = clock;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get(PATH, Permission.MANAGE_SETTINGS, ctx -> render(ctx, HttpStatus.OK, null)),
                AdminRoute.post(PATH + "/import", Permission.MANAGE_SETTINGS, this::upload),
                AdminRoute.get(PATH + "/export.xml", Permission.MANAGE_SETTINGS,
                        ctx -> download(ctx, "xml", "application/rss+xml; charset=utf-8", ExportService::writeWxr)),
                AdminRoute.get(PATH + "/export.json", Permission.MANAGE_SETTINGS,
                        ctx -> download(ctx, "json", "application/json; charset=utf-8", ExportService::writeJson)));
    }

    private void upload(Context ctx) {
        var file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (file == null || file.size() == 0) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "Choose a WordPress export (.xml) or a Dateline export (.json).");
            return;
        }
        try (var content = file.content()) {
            imports.begin(file.filename(), content, ctx.formParam("dry_run") != null);
        } catch (BackgroundImports.Busy e) {
            render(ctx, HttpStatus.CONFLICT, e.getMessage());
            return;
        } catch (IOException | UncheckedIOException e) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "The upload did not arrive whole; try again.");
            return;
        }
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    /** The export, written to the response as it is made: a large site is never held in memory. */
    private void download(Context ctx, String extension, String contentType, BiConsumer<ExportService, OutputStream> write)
            throws IOException {
        String name = "dateline-export-" + LocalDate.ofInstant(clock.instant(), site.settings().timezone()) + "." + extension;
        ctx.contentType(contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (OutputStream out = ctx.outputStream()) {
            write.accept(exports, out);
        }
    }

    private void render(Context ctx, HttpStatus status, String problem) {
        ImportJob job = imports.latest().orElse(null);
        if (job != null && job.running()) ctx.header("Refresh", Integer.toString(REFRESH_SECONDS));
        SiteTime time = site.settings().time();
        newsroom.render(ctx, status, "admin/transfer.jte", new TransferPage(newsroom.frame(ctx), problem,
                job == null ? null : TransferPage.Progress.of(job, time), REFRESH_SECONDS));
    }
}
