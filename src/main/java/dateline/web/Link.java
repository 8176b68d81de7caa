package dateline.web;

/** A labelled link. */
public record Link(String label, String url) {}
