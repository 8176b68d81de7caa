package dateline.web;

/**
 * An image as a page shows it: a default address, the variants for {@code srcset}, its alt text and its
 * intrinsic size (so the page does not jump while it loads).
 */
public record Picture(String src, String srcset, String alt, int width, int height) {}
