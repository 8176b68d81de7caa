package dateline.site;

/**
 * The publisher's policies, in Markdown, each shown on a page of its own and linked from every page's
 * footer when written: how it corrects mistakes, its ethics, and how to reach the newsroom.
 */
public record Policies(String corrections, String ethics, String contact) {
    public static Policies none() {
        return new Policies("", "", "");
    }
}
