package dateline.site;

/**
 * The publisher's policies, in Markdown, each shown on a page of its own and linked from every page's
 * footer when written: how it corrects mistakes, its ethics, how to reach the newsroom, and its masthead
 * (who runs it).
 */
public record Policies(String corrections, String ethics, String contact, String masthead) {

    public Policies(String corrections, String ethics, String contact) {
        this(corrections, ethics, contact, "");
    }

    public static Policies none() {
        return new Policies("", "", "", "");
    }
}
