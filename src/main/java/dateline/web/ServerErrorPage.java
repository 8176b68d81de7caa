package dateline.web;

/** The page for a failure on our side. It needs nothing from the database, which may be what failed. */
public record ServerErrorPage(String stylesheetUrl, String iconUrl) {}
