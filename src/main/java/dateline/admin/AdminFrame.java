package dateline.admin;

import dateline.web.NavLink;
import java.util.List;

/** What every newsroom screen shares: the site, who is signed in, what they may open, the assets. */
public record AdminFrame(
        String siteTitle,
        String memberName,
        String roleLabel,
        List<NavLink> navigation,
        String csrf,
        String stylesheetUrl,
        String adminStylesheetUrl,
        String scriptUrl,
        String iconUrl,
        String language) {}
