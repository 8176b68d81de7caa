/**
 * Feeds and search engines: RSS 2.0 and Atom feeds of articles and of comments, the sitemap index and its
 * sitemaps, the Google News sitemap and {@code robots.txt}. Every one is a read-only projection of what is
 * published, made on request from the features' services and sent with validators for conditional GET.
 *
 * <p>Glossary: a <em>feed</em> lists the newest articles (or comments) of a list, in one of two
 * <em>formats</em>, RSS or Atom; each entry has a <em>GUID</em>, a tag URI made from what never changes
 * (the article's id and creation day), so that feed readers do not show an article again when it is updated
 * or moved. A <em>sitemap</em> lists public addresses with the time each last changed in substance; its
 * files are <em>id ranges</em>, so a page never moves between files and any file costs what the first
 * costs. The <em>news sitemap</em> lists what was published in the last two days.
 */
package dateline.feeds;
