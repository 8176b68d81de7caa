package dateline.site;

/** The publisher's policy pages: the address of each and its title. */
public enum Policy {
    CORRECTIONS("/policies/corrections/", "Corrections policy"),
    ETHICS("/policies/ethics/", "Ethics policy"),
    MASTHEAD("/policies/masthead/", "Masthead"),
    CONTACT("/policies/contact/", "Contact us");

    private final String path;
    private final String title;

    Policy(String path, String title) {
        this.path = path;
        this.title = title;
    }

    public String path() {
        return path;
    }

    public String title() {
        return title;
    }

    public String textIn(Policies policies) {
        return switch (this) {
            case CORRECTIONS -> policies.corrections();
            case ETHICS -> policies.ethics();
            case CONTACT -> policies.contact();
            case MASTHEAD -> policies.masthead();
        };
    }
}
