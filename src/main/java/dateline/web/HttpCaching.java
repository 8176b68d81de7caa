package dateline.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Conditional GET for pages: every page carries a validator made from its bytes ({@code ETag}) and, when
 * it has one, the moment its content last changed in substance ({@code Last-Modified}); a client that
 * already holds the same page gets {@code 304 Not Modified} and no body. The ETag is weak because the
 * same page may travel gzip-compressed or not.
 */
public final class HttpCaching {
    /** Caches may keep a page, but must ask again before using it, so a change shows on the next request. */
    public static final String REVALIDATE = "public, no-cache";

    private HttpCaching() {}

    static final String PERSONAL = "dateline.personal-view";

    /**
     * Marks the response as made for this reader alone (it shows their own comment that still waits): it is
     * then kept by no shared cache.
     */
    public static void markPersonal(Context ctx) {
        ctx.attribute(PERSONAL, true);
    }

    public static void sendHtml(Context ctx, String html, Instant lastModified) {
        send(ctx, html, "text/html; charset=utf-8", lastModified);
    }

    /** A page already in UTF-8, as {@link Templates#bytes} renders it. */
    public static void sendHtml(Context ctx, byte[] html, Instant lastModified) {
        send(ctx, html, "text/html; charset=utf-8", lastModified);
    }

    /** Any text the site serves to everyone alike (pages, feeds), with its validators. */
    public static void send(Context ctx, String text, String contentType, Instant lastModified) {
        send(ctx, text.getBytes(StandardCharsets.UTF_8), contentType, lastModified);
    }

    /** The same, for text already encoded in UTF-8, the charset {@code contentType} names. */
    public static void send(Context ctx, byte[] body, String contentType, Instant lastModified) {
        String etag = "W/\"" + fingerprint(body) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", ctx.attribute(PERSONAL) != null ? "private, no-store" : REVALIDATE);
        ctx.header("Vary", "Accept-Encoding");
        if (lastModified != null) ctx.header("Last-Modified", httpDate(lastModified));
        if (isFresh(ctx, etag, lastModified)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(contentType);
        ctx.result(body);
    }

    /**
     * True when the client's copy is current. An {@code If-None-Match} decides alone when present (RFC 9110);
     * otherwise {@code If-Modified-Since} is compared to the second.
     */
    static boolean isFresh(Context ctx, String etag, Instant lastModified) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            String mine = opaque(etag);
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.equals("*") || opaque(tag).equals(mine)) return true;
            }
            return false;
        }
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince == null || lastModified == null) return false;
        try {
            Instant since = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince));
            return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The tag without its weakness mark, and without the suffix some servers add to compressed copies. */
    private static String opaque(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.replace("--gzip\"", "\"").replace("-gzip\"", "\"");
    }

    public static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    static String fingerprint(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
