package dateline.site;

/**
 * Something above the site feature that must follow changes to the site's settings (every page shows its
 * title, description, time zone and formats). {@code Wiring} connects listeners with
 * {@link SiteService#addListener}.
 */
public interface SiteListener {

    /** Called once new settings are stored. It should be quick and must not throw. */
    void settingsChanged();
}
