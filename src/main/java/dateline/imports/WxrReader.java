package dateline.imports;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress eXtended RSS file (WXR 1.0, 1.1 or 1.2) as a stream of StAX events, holding one item (with
 * its comments) at a time, so an export of any size reads in the same memory.
 *
 * <p>It checks the format only — well-formed XML, a known version, numbers that are numbers, dates that are
 * dates, fields of a bounded size — and leaves meaning (duplicate slugs, missing parents, unknown authors) to
 * the importer. Every problem is a {@link WxrException} naming the item and the line.
 *
 * <p>Safety: a file that declares a document type ({@code <!DOCTYPE …>}) is refused: WordPress never writes
 * one, and it is how XML smuggles in entity expansion and external files. The parser neither reads DTDs nor
 * resolves external entities in any case.
 *
 * <p>Elements are matched by namespace family and local name, so the {@code wp} namespace of any version
 * ({@code http://wordpress.org/export/1.N/}) and its {@code excerpt} namespace are recognised whatever prefix
 * the file gives them.
 *
 * <p>Dates: WordPress writes each date twice, in the site's local time and in GMT. The GMT one is used; when
 * it is empty or {@code 0000-00-00 00:00:00}, the local one is read as if it were UTC (the export does not
 * say the site's time zone) — except the publication date of a draft, a pending or an auto-draft item, which
 * stays null: WordPress leaves it unset on purpose, and its local date only records the last save. Every date
 * field present is checked, used or not.
 *
 * <p>Sizes: a title, name, slug, login, e-mail address, status, key or other short field holds at most
 * {@value #SHORT_FIELD} characters; an address (link, GUID, URL) {@value #ADDRESS_FIELD}; content, an
 * excerpt, a comment or a description {@value #LONG_FIELD}; a meta value {@value #META_FIELD}.
 */
public final class WxrReader implements Wxr.Reader {
    public static final int SHORT_FIELD = 1_000;
    public static final int ADDRESS_FIELD = 4_000;
    public static final int LONG_FIELD = 2_000_000;
    public static final int META_FIELD = 1_000_000;

    /** The versions this reader understands; all three share the same elements. */
    static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2");

    private static final Pattern WP = Pattern.compile("http://wordpress\\.org/export/\\d+\\.\\d+/");
    private static final Pattern EXCERPT = Pattern.compile("http://wordpress\\.org/export/\\d+\\.\\d+/excerpt/");
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String WFW = "http://wellformedweb.org/CommentAPI/";

    private static final String ZERO_DATE = "0000-00-00 00:00:00";
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    /** Statuses whose publication date WordPress leaves unset until the item is published or scheduled. */
    private static final Set<String> UNDATED = Set.of("draft", "pending", "auto-draft");

    private static final Map<String, Integer> LIMITS = limits();

    private static Map<String, Integer> limits() {
        Map<String, Integer> m = new HashMap<>();
        for (String k : List.of("link", "guid", "wp:attachment_url", "wp:comment_author_url", "wp:base_site_url",
                "wp:base_blog_url")) {
            m.put(k, ADDRESS_FIELD);
        }
        for (String k : List.of("content:encoded", "excerpt:encoded", "wp:comment_content", "description",
                "wp:category_description", "wp:tag_description", "wp:term_description")) {
            m.put(k, LONG_FIELD);
        }
        m.put("wp:meta_value", META_FIELD);
        return Map.copyOf(m);
    }

    private static final Set<String> SITE_FIELDS = Set.of("title", "link", "description", "language",
            "wp:wxr_version", "wp:base_site_url", "wp:base_blog_url");
    /** A Dateline export's element of its own, as {@code key()} names an element of a namespace it does not know. */
    private static final String DATELINE_ROLE = "{" + DatelineMeta.NAMESPACE + "}" + DatelineMeta.ROLE;
    private static final Set<String> AUTHOR_FIELDS = Set.of("wp:author_id", "wp:author_login", "wp:author_email",
            "wp:author_display_name", "wp:author_first_name", "wp:author_last_name", DATELINE_ROLE);
    private static final Set<String> CATEGORY_FIELDS = Set.of("wp:term_id", "wp:category_nicename",
            "wp:category_parent", "wp:cat_name", "wp:category_description");
    private static final Set<String> TAG_FIELDS = Set.of("wp:term_id", "wp:tag_slug", "wp:tag_name",
            "wp:tag_description");
    private static final Set<String> TERM_FIELDS = Set.of("wp:term_id", "wp:term_taxonomy", "wp:term_slug",
            "wp:term_parent", "wp:term_name", "wp:term_description");
    private static final Set<String> ITEM_FIELDS = Set.of("title", "link", "guid", "dc:creator", "content:encoded",
            "excerpt:encoded", "wp:post_id", "wp:post_date", "wp:post_date_gmt", "wp:post_modified",
            "wp:post_modified_gmt", "wp:comment_status", "wp:post_name", "wp:status", "wp:post_parent",
            "wp:menu_order", "wp:post_type", "wp:post_password", "wp:is_sticky", "wp:attachment_url");
    private static final Set<String> COMMENT_FIELDS = Set.of("wp:comment_id", "wp:comment_author",
            "wp:comment_author_email", "wp:comment_author_url", "wp:comment_author_IP", "wp:comment_date",
            "wp:comment_date_gmt", "wp:comment_content", "wp:comment_approved", "wp:comment_type",
            "wp:comment_parent", "wp:comment_user_id");
    private static final Set<String> META_FIELDS = Set.of("wp:meta_key", "wp:meta_value");

    public WxrReader() {}

    @Override
    public void read(Path file, Wxr.Handler handler) {
        try (Counting in = new Counting(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            new Reading(in, handler).run();
        } catch (NoSuchFileException e) {
            throw new WxrException(0, "there is no file " + file);
        } catch (IOException e) {
            throw new WxrException(0, "the file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The factory for one reading: the JDK's own parser, whatever else is on the class path, with DTDs off. */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // With no DTD there are no entities to expand but the five predefined ones and character references;
        // the JDK's default cap on their total (50 million) would only stop a large export written without
        // CDATA, so it is lifted. Each field's own bound still holds.
        try {
            f.setProperty("jdk.xml.totalEntitySizeLimit", "0");
        } catch (IllegalArgumentException e) {
            // another parser without the JDK's limits
        }
        return f;
    }

    /** One field's text and the line its element began on. */
    private record Field(String text, int line) {}

    /** A stream that notes whether its end was reached and how many lines it held, to tell truncation apart. */
    private static final class Counting extends FilterInputStream {
        boolean ended;
        long newlines;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) ended = true;
            else if (b == '\n') newlines++;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) ended = true;
            for (int i = off; i < off + n; i++) {
                if (buf[i] == '\n') newlines++;
            }
            return n;
        }
    }

    /** The state of one reading of one file. */
    private static final class Reading {
        private final Counting in;
        private final Wxr.Handler handler;
        private XMLStreamReader xml;
        private final Map<String, Field> site = new HashMap<>();
        private final Map<String, java.util.function.UnaryOperator<String>> families = new HashMap<>();
        private boolean siteHanded;
        /** The item being read, for messages; null between items. */
        private String itemTitle;
        private String itemId;
        private int itemLine;

        Reading(Counting in, Wxr.Handler handler) {
            this.in = in;
            this.handler = handler;
        }

        void run() {
            try {
                xml = factory().createXMLStreamReader(in);
                try {
                    document();
                } finally {
                    xml.close();
                }
            } catch (XMLStreamException e) {
                throw notWellFormed(e);
            }
        }

        private void document() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new WxrException(line(), "the file declares a document type (<!DOCTYPE …>), which a"
                            + " WordPress export never has; it is refused because such declarations can make a"
                            + " reader expand entities or fetch other files");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String ns = xml.getNamespaceURI();
                    if (!xml.getLocalName().equals("rss") || (ns != null && !ns.isEmpty())) {
                        throw new WxrException(line(), "the file is not a WordPress export (WXR): it begins with <"
                                + qualifiedName() + ">, where an export begins with <rss>");
                    }
                    rss();
                    return;
                }
            }
            throw new WxrException(0, "the file is empty: it holds no XML element, where a WordPress export"
                    + " begins with <rss>");
        }

        private void rss() throws XMLStreamException {
            boolean channel = false;
            while (nextChild()) {
                if (key().equals("channel")) {
                    channel = true;
                    channel();
                } else {
                    skip();
                }
            }
            if (!channel) {
                throw new WxrException(0, "the file is RSS without a <channel>, not a WordPress export");
            }
        }

        private void channel() throws XMLStreamException {
            while (nextChild()) {
                String key = key();
                int line = line();
                switch (key) {
                    case "wp:author" -> {
                        handSite();
                        handler.author(author(line));
                    }
                    case "wp:category" -> {
                        handSite();
                        handler.term(category(line));
                    }
                    case "wp:tag" -> {
                        handSite();
                        handler.term(tag(line));
                    }
                    case "wp:term" -> {
                        handSite();
                        handler.term(term(line));
                    }
                    case "item" -> {
                        handSite();
                        handler.item(item(line));
                    }
                    default -> {
                        if (SITE_FIELDS.contains(key) && !site.containsKey(key)) site.put(key, field(key));
                        else skip();
                    }
                }
            }
            handSite();
        }

        private void handSite() {
            if (siteHanded) return;
            Field version = site.get("wp:wxr_version");
            if (version == null || version.text().isBlank()) {
                throw new WxrException(0, "the file is an RSS feed without a <wp:wxr_version>, not a WordPress"
                        + " export; export the site again from WordPress (Tools › Export)");
            }
            String v = version.text().strip();
            if (!VERSIONS.contains(v)) {
                throw new WxrException(version.line(), "the file is WXR version “" + v + "”, which this"
                        + " version of Dateline cannot read; it reads versions " + String.join(", ",
                        VERSIONS.stream().sorted().toList()));
            }
            siteHanded = true;
            handler.site(new Wxr.Site(text(site, "title"), text(site, "link"), text(site, "description"),
                    text(site, "language"), text(site, "wp:base_site_url"), text(site, "wp:base_blog_url"), v));
        }

        private Wxr.Author author(int line) throws XMLStreamException {
            Map<String, Field> f = fields(AUTHOR_FIELDS);
            String what = "author “" + text(f, "wp:author_login") + "”";
            return new Wxr.Author(number(f, "wp:author_id", what), text(f, "wp:author_login"),
                    text(f, "wp:author_email"), text(f, "wp:author_display_name"), text(f, "wp:author_first_name"),
                    text(f, "wp:author_last_name"), text(f, DATELINE_ROLE).strip(), line);
        }

        private Wxr.Term category(int line) throws XMLStreamException {
            Map<String, Field> f = fields(CATEGORY_FIELDS);
            String what = "category “" + text(f, "wp:category_nicename") + "”";
            return new Wxr.Term(number(f, "wp:term_id", what), "category", text(f, "wp:category_nicename"),
                    text(f, "wp:cat_name"), text(f, "wp:category_parent"), text(f, "wp:category_description"),
                    line);
        }

        private Wxr.Term tag(int line) throws XMLStreamException {
            Map<String, Field> f = fields(TAG_FIELDS);
            String what = "tag “" + text(f, "wp:tag_slug") + "”";
            return new Wxr.Term(number(f, "wp:term_id", what), "post_tag", text(f, "wp:tag_slug"),
                    text(f, "wp:tag_name"), "", text(f, "wp:tag_description"), line);
        }

        private Wxr.Term term(int line) throws XMLStreamException {
            Map<String, Field> f = fields(TERM_FIELDS);
            String what = "term “" + text(f, "wp:term_slug") + "”";
            return new Wxr.Term(number(f, "wp:term_id", what), text(f, "wp:term_taxonomy"), text(f, "wp:term_slug"),
                    text(f, "wp:term_name"), text(f, "wp:term_parent"), text(f, "wp:term_description"), line);
        }

        private Wxr.Item item(int line) throws XMLStreamException {
            itemLine = line;
            itemTitle = null;
            itemId = null;
            Map<String, Field> f = new HashMap<>();
            List<Wxr.TermRef> terms = new ArrayList<>();
            List<Wxr.Meta> meta = new ArrayList<>();
            List<Wxr.Comment> comments = new ArrayList<>();
            while (nextChild()) {
                String key = key();
                switch (key) {
                    case "category" -> {
                        String domain = attribute("domain");
                        String nicename = attribute("nicename");
                        terms.add(new Wxr.TermRef(domain, nicename, field(key).text()));
                    }
                    case "wp:postmeta" -> meta.add(meta(fields(META_FIELDS)));
                    case "wp:comment" -> comments.add(comment(line()));
                    default -> {
                        if (ITEM_FIELDS.contains(key) && !f.containsKey(key)) {
                            Field value = field(key);
                            f.put(key, value);
                            if (key.equals("title")) itemTitle = value.text();
                            if (key.equals("wp:post_id")) itemId = value.text().strip();
                        } else {
                            skip();
                        }
                    }
                }
            }
            String what = describeItem();
            String status = text(f, "wp:status").strip();
            Instant local = date(f, "wp:post_date", what);
            Instant date = date(f, "wp:post_date_gmt", what);
            if (date == null && !UNDATED.contains(status)) date = local;
            Instant modifiedLocal = date(f, "wp:post_modified", what);
            Instant modified = date(f, "wp:post_modified_gmt", what);
            if (modified == null) modified = modifiedLocal;
            Wxr.Item item = new Wxr.Item(number(f, "wp:post_id", what), text(f, "title"), text(f, "link"),
                    text(f, "guid"), text(f, "dc:creator"), text(f, "content:encoded"), text(f, "excerpt:encoded"),
                    date, modified, status, text(f, "wp:post_type").strip(), text(f, "wp:post_name"),
                    number(f, "wp:post_parent", what), (int) bounded(f, "wp:menu_order", what),
                    number(f, "wp:is_sticky", what) != 0, text(f, "wp:comment_status").strip(),
                    text(f, "wp:post_password"), text(f, "wp:attachment_url"), List.copyOf(terms),
                    List.copyOf(meta), List.copyOf(comments), line);
            itemTitle = null;
            itemId = null;
            itemLine = 0;
            return item;
        }

        private Wxr.Comment comment(int line) throws XMLStreamException {
            Map<String, Field> f = new HashMap<>();
            List<Wxr.Meta> meta = new ArrayList<>();
            while (nextChild()) {
                String key = key();
                if (key.equals("wp:commentmeta")) {
                    meta.add(meta(fields(META_FIELDS)));
                } else if (COMMENT_FIELDS.contains(key) && !f.containsKey(key)) {
                    f.put(key, field(key));
                } else {
                    skip();
                }
            }
            String what = describeItem() + ", comment " + text(f, "wp:comment_id").strip();
            Instant local = date(f, "wp:comment_date", what);
            Instant date = date(f, "wp:comment_date_gmt", what);
            return new Wxr.Comment(number(f, "wp:comment_id", what), text(f, "wp:comment_author"),
                    text(f, "wp:comment_author_email"), text(f, "wp:comment_author_url"),
                    text(f, "wp:comment_author_IP"), date != null ? date : local, text(f, "wp:comment_content"),
                    text(f, "wp:comment_approved").strip(), commentType(text(f, "wp:comment_type").strip()),
                    number(f, "wp:comment_parent", what), number(f, "wp:comment_user_id", what),
                    List.copyOf(meta), line);
        }

        /** WordPress 5.5 and later write "comment" for a plain comment, earlier versions nothing: both are "". */
        private static String commentType(String type) {
            return type.equals("comment") ? "" : type;
        }

        private static Wxr.Meta meta(Map<String, Field> f) {
            return new Wxr.Meta(text(f, "wp:meta_key"), text(f, "wp:meta_value"));
        }

        /** The item being read as messages name it: its title and WordPress id, or where it began. */
        private String describeItem() {
            String name = itemName();
            return name.equals("item") ? "the item begun on line " + itemLine : name;
        }

        private String itemName() {
            StringBuilder s = new StringBuilder("item");
            if (itemTitle != null && !itemTitle.isBlank()) s.append(" “").append(itemTitle.strip()).append('”');
            if (itemId != null && !itemId.isEmpty()) s.append(" (wp:post_id ").append(itemId).append(')');
            return s.toString();
        }

        // ---- fields ----

        /** The known fields among the current element's children; others are skipped unread. */
        private Map<String, Field> fields(Set<String> known) throws XMLStreamException {
            Map<String, Field> f = new HashMap<>();
            while (nextChild()) {
                String key = key();
                if (known.contains(key) && !f.containsKey(key)) f.put(key, field(key));
                else skip();
            }
            return f;
        }

        /** The text of the current element, bounded by its field's limit, leaving the reader at its end. */
        private Field field(String key) throws XMLStreamException {
            int line = line();
            int limit = LIMITS.getOrDefault(key, SHORT_FIELD);
            StringBuilder text = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> depth++;
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth == 1) {
                            if (text.length() + xml.getTextLength() > limit) throw tooLong(key, limit, line);
                            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                    }
                    default -> { }
                }
            }
            return new Field(text.toString(), line);
        }

        private WxrException tooLong(String key, int limit, int line) {
            String owner = itemLine > 0 ? describeItem() + ": " : "";
            return new WxrException(line, owner + "the field " + key + " is longer than "
                    + String.format(java.util.Locale.ROOT, "%,d", limit) + " characters, more than any"
                    + " real export holds; the file may be damaged");
        }

        private static String text(Map<String, Field> f, String key) {
            Field v = f.get(key);
            return v == null ? "" : v.text();
        }

        private static long number(Map<String, Field> f, String key, String what) {
            Field v = f.get(key);
            if (v == null || v.text().isBlank()) return 0;
            try {
                return Long.parseLong(v.text().strip());
            } catch (NumberFormatException e) {
                throw new WxrException(v.line(), what + ": " + key + " “" + v.text().strip() + "” is not a"
                        + " whole number");
            }
        }

        private static long bounded(Map<String, Field> f, String key, String what) {
            long n = number(f, key, what);
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                throw new WxrException(f.get(key).line(), what + ": " + key + " “" + n + "” is out of range");
            }
            return n;
        }

        /** A date in "yyyy-MM-dd HH:mm:ss" read as UTC; null when absent, empty or WordPress's zero date. */
        private static Instant date(Map<String, Field> f, String key, String what) {
            Field v = f.get(key);
            if (v == null) return null;
            String s = v.text().strip();
            if (s.isEmpty() || s.equals(ZERO_DATE)) return null;
            try {
                return LocalDateTime.parse(s, DATE).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new WxrException(v.line(), what + ": the date “" + s + "” in " + key + " is not a date"
                        + " (WordPress writes dates as 2024-01-31 18:05:00)");
            }
        }

        // ---- moving through the document ----

        /** Moves to the current element's next child element; false at the element's end. */
        private boolean nextChild() throws XMLStreamException {
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) return true;
                if (event == XMLStreamConstants.END_ELEMENT) return false;
            }
        }

        /** Skips the current element and all it holds. */
        private void skip() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) depth++;
                else if (event == XMLStreamConstants.END_ELEMENT) depth--;
            }
        }

        /** The current element's name as "family:local": wp, content, excerpt, dc, wfw, or bare for RSS. */
        private String key() {
            String ns = xml.getNamespaceURI();
            String local = xml.getLocalName();
            if (ns == null || ns.isEmpty()) return local;
            return families.computeIfAbsent(ns, Reading::family).apply(local);
        }

        /** Names in one namespace, by family; worked out once per namespace, as every element asks. */
        private static java.util.function.UnaryOperator<String> family(String ns) {
            String prefix = WP.matcher(ns).matches() ? "wp:"
                    : EXCERPT.matcher(ns).matches() ? "excerpt:"
                    : ns.equals(CONTENT) ? "content:"
                    : ns.equals(DC) ? "dc:"
                    : ns.equals(WFW) ? "wfw:"
                    : "{" + ns + "}";
            return local -> prefix + local;
        }

        private String qualifiedName() {
            String prefix = xml.getPrefix();
            return prefix == null || prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName();
        }

        private String attribute(String name) {
            String v = xml.getAttributeValue(null, name);
            return v == null ? "" : v;
        }

        private int line() {
            return xml.getLocation().getLineNumber();
        }

        /** A parser's complaint in plain words, or the news that the file stops too soon. */
        private WxrException notWellFormed(XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNumber();
            boolean atEnd = in.ended && line >= in.newlines;
            if (atEnd && itemLine > 0) {
                return new WxrException(line, "the file ends inside " + itemName() + " begun on line " + itemLine
                        + " — it may be truncated", e);
            }
            if (atEnd) {
                return new WxrException(line, "the file ends before its closing </rss> — it may be truncated", e);
            }
            String where = itemLine > 0 ? " in " + describeItem() : "";
            return new WxrException(line, "the file is not well-formed XML (column " + column + ")"
                    + where + ": " + parserMessage(e), e);
        }

        private static String parserMessage(XMLStreamException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            int at = m.indexOf("Message: ");
            return (at >= 0 ? m.substring(at + "Message: ".length()) : m).strip();
        }
    }
}
