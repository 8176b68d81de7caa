/**
 * Web: the HTTP server and what every route shares: templates, static assets, the page frame and head,
 * conditional GET, the page cache, CSRF protection, security headers, error pages and keyset paging. Depends on nothing
 * else of Dateline; only this package and the features' {@code *Routes} classes use Javalin.
 *
 * <p>Glossary: the <em>frame</em> is what surrounds every public page (site name, sections, footer); the
 * <em>head</em> is a page's title, description, canonical address and structured data; a <em>cursor</em>
 * is a place in a newest-first list; the <em>page cache</em> holds the finished bytes of public pages for
 * anonymous readers, and a page's <em>tags</em> name what it shows, so that a change drops exactly the
 * pages showing it (the cache keeps an index from each tag to its pages); a <em>plain hit</em> is a request for a kept page from a reader without cookies, which
 * Jetty answers before the routes.
 */
package dateline.web;
