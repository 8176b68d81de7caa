package dateline.articles;

/** One author of an article, as the article credits them. */
public record Byline(long accountId, String name, String slug) {
    public String path() {
        return pathOf(slug);
    }

    public static String pathOf(String slug) {
        return "/authors/" + slug + "/";
    }
}
