package dateline.media;

import dateline.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

/**
 * Serves the variants of media files at {@code /media/<key>}. Only keys of variants are answered; an
 * original is never served, whatever its key. The bytes under a key never change, so browsers and caches
 * may keep them for a year.
 */
public final class MediaRoutes implements RouteGroup {
    static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

    private final MediaService media;

    public MediaRoutes(MediaService media) {
        this.media = media;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        RouteGroup.readable(routes, "/media/<key>", this::serve);
    }

    private void serve(Context ctx) {
        MediaVariant variant = media.variant(ctx.pathParam("key")).orElseThrow(NotFoundResponse::new);
        // the key names these bytes for good, so it is a strong validator of them
        String etag = "\"" + variant.key() + "\"";
        ctx.header("Cache-Control", CACHE_FOREVER);
        ctx.header("ETag", etag);
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        byte[] bytes = media.contentOf(variant).orElseThrow(NotFoundResponse::new);
        ctx.contentType(variant.contentType());
        ctx.header("Content-Length", Integer.toString(bytes.length));
        ctx.result(bytes);
    }
}
