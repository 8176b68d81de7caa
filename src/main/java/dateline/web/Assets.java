package dateline.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's own static files (stylesheet, icon, scripts), served at addresses that carry a fingerprint
 * of their bytes, {@code /assets/site.3f2a9c1b0d.css}, so browsers may keep them for a year: a changed
 * file gets a new address. In development they are read again from the source folder when they change.
 */
public final class Assets implements RouteGroup {
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private record Asset(String name, String addressedName, byte[] bytes, String contentType) {}

    private final List<String> names;
    private final Path sourceFolder;
    private volatile Map<String, Asset> byName;

    private Assets(List<String> names, Path sourceFolder) {
        this.names = names;
        this.sourceFolder = sourceFolder;
        this.byName = load();
    }

    /** The named files of {@code assets/} on the class path. */
    public static Assets fromClasspath(List<String> names) {
        return new Assets(names, null);
    }

    /** The named files of a source folder, read again whenever one of them changes. */
    public static Assets fromFolder(Path folder, List<String> names) {
        return new Assets(names, folder);
    }

    /** The address of a file, with its fingerprint. */
    public String url(String name) {
        Asset asset = current().get(name);
        if (asset == null) throw new IllegalArgumentException("No asset named " + name);
        return "/assets/" + asset.addressedName();
    }

    @Override
    public void addTo(RoutesConfig routes) {
        RouteGroup.readable(routes, "/assets/{file}", this::serve);
    }

    private void serve(Context ctx) {
        String requested = ctx.pathParam("file");
        for (Asset asset : current().values()) {
            boolean exact = asset.addressedName().equals(requested);
            if (exact || asset.name().equals(requested)) {
                // an address with the fingerprint never changes; the plain name may, so it is revalidated
                ctx.header("Cache-Control", exact ? "public, max-age=31536000, immutable" : HttpCaching.REVALIDATE);
                ctx.header("ETag", "\"" + HttpCaching.fingerprint(asset.bytes()) + "\"");
                if (requested.equals(asset.addressedName()) && ctx.header("If-None-Match") != null) {
                    ctx.status(304);
                    return;
                }
                ctx.contentType(asset.contentType());
                ctx.result(asset.bytes());
                return;
            }
        }
        ctx.status(404);
    }

    private Map<String, Asset> current() {
        if (sourceFolder != null) byName = load();
        return byName;
    }

    private Map<String, Asset> load() {
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (String name : names) {
            byte[] bytes = read(name);
            int dot = name.lastIndexOf('.');
            String extension = name.substring(dot + 1);
            String addressed = name.substring(0, dot) + "." + HttpCaching.fingerprint(bytes).substring(0, 10)
                    .replace('_', 'z').replace('-', 'y') + "." + extension;
            assets.put(name, new Asset(name, addressed, bytes, TYPES.getOrDefault(extension, "application/octet-stream")));
        }
        return Map.copyOf(assets);
    }

    private byte[] read(String name) {
        try {
            if (sourceFolder != null) return Files.readAllBytes(sourceFolder.resolve(name));
            try (InputStream in = Assets.class.getResourceAsStream("/assets/" + name)) {
                if (in == null) throw new IllegalStateException("Missing asset " + name);
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
