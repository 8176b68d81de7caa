package dateline.articles;

/** A word or name that articles share across sections, such as a country or an election. */
public record Tag(long id, String name, String slug) {
    public String path() {
        return pathOf(slug);
    }

    public static String pathOf(String slug) {
        return "/tags/" + slug + "/";
    }
}
