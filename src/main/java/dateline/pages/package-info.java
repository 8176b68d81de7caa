/**
 * Pages: the publisher's standing texts (About, Contact, an ethics policy…) and the two menus that list
 * them.
 *
 * <p>Glossary: a <em>page</em> has a <em>title</em>, a <em>slug</em>, a body written in Markdown or HTML,
 * and an optional <em>parent</em>; its <em>path</em> is its slug under its parent's path ({@code /about/team/}).
 * A page has no dates readers see and no comments; only a <em>published</em> page is served, a
 * <em>draft</em> is not. A <em>menu</em> is the header's navigation or the footer's list; a
 * <em>menu item</em> names a page, a section or a link, in the order the newsroom arranges.
 */
package dateline.pages;
