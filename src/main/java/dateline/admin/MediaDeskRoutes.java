package dateline.admin;

import dateline.accounts.Permission;
import dateline.accounts.SignedIn;
import dateline.media.MediaFile;
import dateline.media.MediaService;
import dateline.site.SiteService;
import dateline.site.SiteTime;
import dateline.web.Cursor;
import dateline.web.InvalidInput;
import dateline.web.PageRequest;
import dateline.web.Paged;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The media library: uploading images, describing them, and finding them again to reuse. */
public final class MediaDeskRoutes {
    private static final int PAGE_SIZE = 48;

    private final MediaService media;
    private final SiteService site;
    private final Newsroom newsroom;

    public MediaDeskRoutes(MediaService media, SiteService site, Newsroom newsroom) {
        this.media = media;
        this.site = site;
        this.newsroom = newsroom;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/admin/media", Permission.UPLOAD_MEDIA, ctx -> render(ctx, HttpStatus.OK, Map.of(), Map.of(),
                        "uploaded".equals(ctx.queryParam("done")) ? "The image is in the library."
                                : "described".equals(ctx.queryParam("done")) ? "The alt text is saved." : null)),
                AdminRoute.post("/admin/media", Permission.UPLOAD_MEDIA, this::upload),
                AdminRoute.post("/admin/media/{id}", Permission.UPLOAD_MEDIA, this::describe));
    }

    private void upload(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        String alt = ctx.formParam("alt") == null ? "" : ctx.formParam("alt");
        var file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (file == null || file.size() == 0) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, Map.of("alt", alt), Map.of("file", "Choose an image to upload."), null);
            return;
        }
        try (var content = file.content()) {
            media.upload(file.filename(), content.readAllBytes(), member.account().id(), alt);
            ctx.redirect("/admin/media?done=uploaded", HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, Map.of("alt", alt), e.problems(), null);
        } catch (IOException e) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, Map.of("alt", alt),
                    Map.of("file", "The upload did not arrive whole; try again."), null);
        }
    }

    private void describe(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        try {
            media.describe(id, ctx.formParam("alt") == null ? "" : ctx.formParam("alt"));
        } catch (MediaService.MediaNotFound e) {
            throw new NotFoundResponse();
        } catch (InvalidInput e) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, Map.of(), Map.of("alt-" + id, e.problems().values().iterator().next()), null);
            return;
        }
        ctx.redirect("/admin/media?done=described", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, HttpStatus status, Map<String, String> values, Map<String, String> problems,
                        String notice) {
        Cursor before = Cursor.parse(ctx.queryParam("before")).orElse(null);
        Paged<MediaFile> page = media.library(new PageRequest(before, null, PAGE_SIZE));
        SiteTime time = site.settings().time();
        List<MediaLibraryPage.Item> items = page.items().stream().map(m -> new MediaLibraryPage.Item(m.id(),
                m.originalName(), m.urlFor(480), m.srcset(), m.width(), m.height(), m.altText(),
                "![" + m.altText().replace("]", "") + "](" + m.urlFor(1600) + ")", time.date(m.createdAt()))).toList();
        newsroom.render(ctx, status, "admin/media.jte", new MediaLibraryPage(newsroom.frame(ctx), items,
                page.older() == null ? null : "/admin/media?before=" + page.older().encode(), values, problems, notice,
                site.settings().uploadLimitMegabytes()));
    }
}
