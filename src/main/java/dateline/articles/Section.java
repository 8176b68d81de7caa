package dateline.articles;

/** A part of the site that articles belong to, such as World or Politics (WordPress calls it a category). */
public record Section(long id, String name, String slug, String description, int position) {
    public String path() {
        return pathOf(slug);
    }

    public static String pathOf(String slug) {
        return "/sections/" + slug + "/";
    }
}
