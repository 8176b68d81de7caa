package dateline.web;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the commonest request of a busy day — a reader without cookies asking for a page the
 * {@link PageCache} keeps — in Jetty itself, before the servlet layer, the route table and the handlers
 * around the routes. Measured against nginx serving the same bytes (benchmark {@code bench/article-vs-nginx}),
 * that layer cost most of the time of a cached page.
 *
 * <p>It answers only what it can answer exactly as the routes would: a GET without a query string, without
 * cookies (so neither a member of the newsroom nor a reader with a comment waiting: what makes a view personal
 * travels in a cookie) and without conditional headers, for an address the cache holds. Everything else —
 * misses, paged lists, 304s, HEAD, personal views — goes on to the routes, where {@link PageCache#lookUp}
 * handles it; a page it looked for and did not find is marked on the request, so that it is looked for once.
 */
final class CachedPageHandler extends Handler.Wrapper {
    private final PageCache pages;

    CachedPageHandler(PageCache pages, Handler inner) {
        super(inner);
        this.pages = pages;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        PageCache.Entry entry = plainHit(request);
        if (entry == null) {
            getServer().getThreadPool().execute(() -> handleWithRoutes(request, response, callback));
            return true;
        }
        pages.countHitBeforeRoutes();
        boolean gzip = PageCache.acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
        HttpFields.Mutable headers = response.getHeaders();
        for (HttpField field : entry.encodedHeaders(gzip)) headers.add(field);
        response.setStatus(HttpStatus.OK_200);
        response.write(true, entry.body(gzip), callback);
        return true;
    }

    /**
     * Answering a kept page never blocks, so the server may parse a request and answer it on the thread that
     * found it readable, without handing it to another thread first — the hand-over was a good part of a hit's
     * cost. Everything else is handed over here, to the pool the routes run on, where it may block.
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    private void handleWithRoutes(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable failure) {
            Response.writeError(request, response, callback, failure);
        }
    }

    private PageCache.Entry plainHit(Request request) {
        if (!HttpMethod.GET.is(request.getMethod()) || request.getHttpURI().getQuery() != null) return null;
        HttpFields headers = request.getHeaders();
        if (headers.contains(HttpHeader.COOKIE) || headers.contains(HttpHeader.IF_NONE_MATCH)
                || headers.contains(HttpHeader.IF_MODIFIED_SINCE)) {
            return null;
        }
        String path = request.getHttpURI().getPath();
        PageCache.Entry entry = pages.stored(path);
        // the routes' first step need not look again
        if (entry == null) request.setAttribute(PageCache.MISSED_BEFORE_ROUTES, path);
        return entry;
    }
}
