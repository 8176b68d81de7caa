package dateline.web;

/** A link in the site's navigation; {@code current} marks the page the reader is on. */
public record NavLink(String label, String url, boolean current) {}
