package dateline.imports;

import java.time.Instant;
import java.util.Optional;

/**
 * The keys of the item and comment meta entries in which an export carries what Dateline knows and WXR has
 * no element for. They begin with {@code _dateline_}: WordPress hides meta keys that begin with an
 * underscore, so its importer keeps them without showing them, and Dateline's importer reads them back to
 * restore the site as it was. An export from WordPress has none of them; each is optional.
 */
public final class DatelineMeta {
    private DatelineMeta() {}

    /** How the body was written: "markdown" or "html" (an article's or a page's). */
    public static final String BODY_FORMAT = "_dateline_body_format";
    /** The Markdown source of a body written in Markdown; the item's content is the HTML made from it. */
    public static final String SOURCE = "_dateline_source";
    /** The kind of journalism an article is: "news", "analysis", "opinion" and so on. */
    public static final String TYPE = "_dateline_type";
    /** The article's standfirst (also the item's excerpt, which WordPress shows). */
    public static final String STANDFIRST = "_dateline_standfirst";
    /** The article's or page's public address on the site it came from, such as {@code /2024/06/20/slug/}. */
    public static final String PATH = "_dateline_path";
    /** An address the article or page once had and that redirects to it; one entry per address. */
    public static final String FORMER_PATH = "_dateline_former_path";
    /** A menu that lists the page: "header" or "footer"; one entry per menu. The item's menu order is its place. */
    public static final String MENU = "_dateline_menu";
    /**
     * Every author of an article in byline order, as logins separated by commas: WXR has one author per
     * item (the creator, who is the first of these).
     */
    public static final String AUTHORS = "_dateline_authors";
    /** The place the article was reported from, as its dateline shows it. */
    public static final String PLACE = "_dateline_place";
    /** When the article was last significantly updated or corrected (an ISO-8601 instant). */
    public static final String SIGNIFICANTLY_UPDATED = "_dateline_significantly_updated";
    /**
     * One public note on an article, as {@code KIND INSTANT NOTE}: the kind ("update" or "correction"), the
     * ISO-8601 instant and the note's text, separated by the first two spaces. One entry per note, oldest first.
     */
    public static final String UPDATE = "_dateline_update";
    /** The note of a retracted article (the item's status is "publish": WordPress has no retraction). */
    public static final String RETRACTED = "_dateline_retracted";
    /** When the article was retracted (an ISO-8601 instant). */
    public static final String RETRACTED_AT = "_dateline_retracted_at";

    /**
     * The namespace of the few elements a Dateline export adds where WXR has neither an element nor meta
     * entries: an author's role. WordPress's importer skips elements it does not know, so it reads the file
     * as if they were not there.
     */
    public static final String NAMESPACE = "urn:x-dateline:export:1";
    /**
     * An account's role, by its stored code ("editor"), as an element of {@link #NAMESPACE} inside
     * {@code wp:author}, whose entries have no meta; the JSON export has it as the author's {@code role}.
     */
    public static final String ROLE = "role";
    /**
     * When an editor pinned the article to the front page (an ISO-8601 instant). WXR's {@code wp:is_sticky}
     * says only that it is pinned; this keeps the order of several pins.
     */
    public static final String PINNED_AT = "_dateline_pinned_at";
    /**
     * One entry of a menu that is not a page (pages carry {@link #MENU} themselves), as
     * {@code MENU POSITION KIND VALUE}: the menu ("header" or "footer"), the entry's place in it, "section" and
     * the section's slug, or "link" and the address followed by a space and the label. Carried by the
     * export's one item that stands for the site's menus ({@link #MENUS_ITEM}).
     */
    public static final String MENU_ENTRY = "_dateline_menu_entry";
    /**
     * The post type of the item that carries the menus' section and link entries: not a type WordPress
     * knows, so its importer leaves the item out, and Dateline's reads only its {@link #MENU_ENTRY} entries.
     */
    public static final String MENUS_ITEM = "dateline_menus";

    /** WordPress's own key for an item's featured image: the attachment's post id. */
    public static final String THUMBNAIL_ID = "_thumbnail_id";
    /** WordPress's own key for an attachment's alt text. */
    public static final String ATTACHMENT_ALT = "_wp_attachment_image_alt";

    /** A public note read back from an {@link #UPDATE} entry. */
    public record Update(String kind, Instant at, String note) {
        public String value() {
            return kind + " " + at + " " + note;
        }

        /** The note in an {@link #UPDATE} entry's value, or empty when the value is not one. */
        public static Optional<Update> parse(String value) {
            String[] parts = value.split(" ", 3);
            if (parts.length < 2) return Optional.empty();
            try {
                return Optional.of(new Update(parts[0], Instant.parse(parts[1]), parts.length == 3 ? parts[2] : ""));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
