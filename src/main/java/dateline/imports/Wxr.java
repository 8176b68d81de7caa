package dateline.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a WordPress export says, as plain values: the contract between reading a file (WXR or Dateline's
 * JSON), importing it into a site and writing one. Texts are as the file has them (item content is raw
 * WordPress HTML with block comments and shortcodes); dates are instants in UTC, null when the file has
 * none (WordPress writes {@code 0000-00-00 00:00:00} for a draft never saved with a date). {@code line} is
 * where the element began in the file, for messages that name it; 0 when not read from a file.
 */
public final class Wxr {
    private Wxr() {}

    /** The channel: the site the export came from. {@code version} is the WXR version, such as "1.2". */
    public record Site(String title, String link, String description, String language, String baseSiteUrl,
                       String baseBlogUrl, String version) {}

    /**
     * An account that wrote something ({@code wp:author}). {@code role} is the account's role on the site it
     * came from, by its stored code ("editor"), as a Dateline export says it ({@link DatelineMeta#ROLE});
     * empty when the file does not say, as WordPress's exports never do.
     */
    public record Author(long id, String login, String email, String displayName, String firstName,
                         String lastName, String role, int line) {}

    /**
     * A category, tag or other term. {@code taxonomy} is "category", "post_tag" or another WordPress taxonomy
     * (such as "nav_menu"); {@code parentSlug} is empty for a term at the top.
     */
    public record Term(long id, String taxonomy, String slug, String name, String parentSlug, String description,
                       int line) {
        public boolean isCategory() {
            return "category".equals(taxonomy);
        }

        public boolean isTag() {
            return "post_tag".equals(taxonomy);
        }
    }

    /** An item's reference to a term: {@code <category domain="post_tag" nicename="slug">Name</category>}. */
    public record TermRef(String domain, String slug, String name) {}

    /** One {@code wp:postmeta} or {@code wp:commentmeta} entry. */
    public record Meta(String key, String value) {}

    /**
     * A comment ({@code wp:comment}). {@code approved} is WordPress's value: "1", "0", "spam" or "trash";
     * {@code parentId} is 0 for a comment that answers the item; {@code type} is empty for a comment,
     * "pingback" or "trackback" otherwise.
     */
    public record Comment(long id, String author, String authorEmail, String authorUrl, String authorIp,
                          Instant dateGmt, String content, String approved, String type, long parentId,
                          long userId, List<Meta> meta, int line) {}

    /**
     * A post, page, attachment or other item. {@code postType} is "post", "page", "attachment", "nav_menu_item"
     * and so on; {@code status} is "publish", "draft", "pending", "private", "future", "trash", "inherit";
     * {@code creator} is the author's login; {@code parentId} is 0 for none.
     */
    public record Item(long postId, String title, String link, String guid, String creator, String content,
                       String excerpt, Instant dateGmt, Instant modifiedGmt, String status, String postType,
                       String postName, long parentId, int menuOrder, boolean sticky, String commentStatus,
                       String password, String attachmentUrl, List<TermRef> terms, List<Meta> meta,
                       List<Comment> comments, int line) {

        /** The value of the first meta entry with this key. */
        public Optional<String> meta(String key) {
            return meta.stream().filter(m -> m.key().equals(key)).map(Meta::value).findFirst();
        }
    }

    /**
     * Reads a whole export file from its start, handing each part to the handler as it is read, so that a
     * file of any size needs the memory of one item. Throws {@link WxrException} for a file that cannot be
     * read, naming the line.
     */
    public interface Reader {
        void read(java.nio.file.Path file, Handler handler);
    }

    /**
     * Receives an export in file order: the site first, then authors and terms, then items. A handler may
     * throw {@link WxrException} to stop the reading with a message naming the line.
     */
    public interface Handler {
        default void site(Site site) {}

        default void author(Author author) {}

        default void term(Term term) {}

        default void item(Item item) {}
    }
}
