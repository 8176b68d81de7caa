package dateline.web;

import java.util.List;

/**
 * What every public page shares around its content: the site's name, its sections, the publisher's links
 * in the footer (corrections, policies, contact), its assets, and the site's feeds, named in every page's
 * head.
 */
public record Frame(
        String siteTitle,
        String siteDescription,
        String language,
        List<NavLink> navigation,
        List<Link> footerLinks,
        String stylesheetUrl,
        String iconUrl,
        int year,
        List<FeedLink> feeds) {

    public Frame(String siteTitle, String siteDescription, String language, List<NavLink> navigation,
                 List<Link> footerLinks, String stylesheetUrl, String iconUrl, int year) {
        this(siteTitle, siteDescription, language, navigation, footerLinks, stylesheetUrl, iconUrl, year, List.of());
    }

    /** The same frame with the link to {@code path} marked as the page the reader is on. */
    public Frame at(String path) {
        return new Frame(siteTitle, siteDescription, language,
                navigation.stream().map(l -> new NavLink(l.label(), l.url(), l.url().equals(path))).toList(),
                footerLinks, stylesheetUrl, iconUrl, year, feeds);
    }
}
