package dateline.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * A WordPress post's content as WordPress itself would show it, in plain HTML: what the file holds is the
 * editor's storage format, with block-editor comments, shortcodes and — from the classic editor — no
 * paragraphs at all, only blank lines. The result is not yet safe: the importer sanitizes it with the site's
 * one HTML policy, which keeps everything made here (figures, captions, images, links).
 *
 * <p>The rules, in WordPress's own order:
 * <ol>
 *   <li>An embed block ({@code <!-- wp:embed {"url":…} -->…<!-- /wp:embed -->}) becomes a paragraph with a
 *       link to its URL: Dateline does not load other sites' players.</li>
 *   <li>Block-editor comments are dropped ({@code <!-- wp:… -->}, {@code <!-- /wp:… -->} and self-closing
 *       {@code <!-- wp:… /-->}); the HTML between them is kept as it is.</li>
 *   <li>Shortcodes: {@code [caption]} around an image (linked or not) becomes a {@code <figure>} with a
 *       {@code <figcaption>}; {@code [gallery ids="…"]} a {@code <figure class="gallery">} of the images
 *       whose address is known; {@code [embed]URL[/embed]}, {@code [video src=…]} and {@code [audio src=…]}
 *       a paragraph with a link; any other shortcode is removed and what it enclosed kept. {@code [[foo]]}
 *       is WordPress's way to write a literal {@code [foo]}. A bare {@code [word]} counts as a shortcode only
 *       when the word is lower case and not an editor's aside such as {@code [sic]}, so that footnote marks
 *       ({@code [1]}), ellipses ({@code […]}) and asides written in brackets survive.</li>
 *   <li>Content without blocks (the classic editor) gets WordPress's "autop": a URL alone on its line
 *       becomes a link paragraph, text separated by a blank line becomes paragraphs, and a single line break
 *       inside a paragraph becomes {@code <br>} — never inside {@code <pre>}, and never around block
 *       elements, which stand on their own.</li>
 * </ol>
 */
public final class WordPressHtml {
    private static final Pattern EMBED_BLOCK = Pattern.compile(
            "<!--\\s*wp:(?:core-)?embed(?:/[\\w-]+)?\\s*(\\{.*?})?\\s*-->(.*?)<!--\\s*/wp:(?:core-)?embed(?:/[\\w-]+)?\\s*-->",
            Pattern.DOTALL);
    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:.*?-->\\n?", Pattern.DOTALL);
    private static final Pattern JSON_URL = Pattern.compile("\"url\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");
    private static final Pattern URL_LINE = Pattern.compile("^[ \\t]*(https?://[^\\s<>\"']+)[ \\t]*$",
            Pattern.MULTILINE);

    private static final Pattern SHORTCODE_OPEN = Pattern.compile("\\[(\\[?)([A-Za-z][\\w-]*)(?![\\w-])");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([\\w-]+)\\s*=\\s*\"([^\"]*)\"|([\\w-]+)\\s*=\\s*'([^']*)'|([\\w-]+)\\s*=\\s*([^\\s'\"]+)");
    /** Words that editors put in brackets as text, not as shortcodes. */
    private static final Set<String> ASIDES = Set.of("sic", "citation", "update", "updated", "correction", "edit",
            "note", "laughter", "applause", "inaudible", "crosstalk", "redacted", "video", "audio", "photo");

    private static final String BLOCKS = "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|"
            + "ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|"
            + "article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary";
    private static final Pattern BLOCK_OPEN = Pattern.compile("(<(?:" + BLOCKS + ")(?=[\\s/>]))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_CLOSE = Pattern.compile("(</(?:" + BLOCKS + ")>)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_START = Pattern.compile("^</?(?:" + BLOCKS + ")(?=[\\s/>])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRE = Pattern.compile("<pre(?=[\\s>]).*?</pre>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern KEPT = Pattern.compile("\uE000(\\d+)\uE001");

    private WordPressHtml() {}

    /**
     * Raw item content → HTML before sanitizing.
     *
     * @param attachmentUrl the address of an attachment by its WordPress id, for galleries; empty when the
     *                      export has no such attachment
     */
    public static String toHtml(String raw, LongFunction<Optional<String>> attachmentUrl) {
        if (raw == null || raw.isBlank()) return "";
        // the two private-use characters that mark set-aside pieces cannot come from the file
        String text = raw.replace("\r\n", "\n").replace('\r', '\n').replace("\uE000", "").replace("\uE001", "");
        boolean blocks = text.contains("<!-- wp:");
        text = embedBlocks(text);
        text = BLOCK_COMMENT.matcher(text).replaceAll("");
        Kept kept = new Kept();
        text = new Shortcodes(attachmentUrl, kept).render(text);
        if (!blocks) text = autop(text, kept);
        return kept.restore(text).strip();
    }

    /**
     * Pieces of finished HTML (figures made from shortcodes, {@code <pre>} blocks) set aside behind a token
     * while paragraphs are made, so that nothing is added inside them.
     */
    private static final class Kept {
        private final List<String> pieces = new ArrayList<>();

        /** The token that stands for the piece, on its own between blank lines. */
        String keep(String html) {
            pieces.add(html);
            return "\n\n\uE000" + (pieces.size() - 1) + "\uE001\n\n";
        }

        String restore(String text) {
            String t = text;
            while (KEPT.matcher(t).find()) {
                t = KEPT.matcher(t).replaceAll(m -> Matcher.quoteReplacement(pieces.get(Integer.parseInt(m.group(1)))));
            }
            return t;
        }
    }

    // ---- blocks ----

    private static String embedBlocks(String text) {
        Matcher m = EMBED_BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<String> url = Optional.ofNullable(m.group(1)).flatMap(WordPressHtml::jsonUrl)
                    .or(() -> firstUrl(m.group(2)));
            m.appendReplacement(out, Matcher.quoteReplacement(url.map(WordPressHtml::linkParagraph).orElse("")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Optional<String> jsonUrl(String json) {
        Matcher m = JSON_URL.matcher(json);
        if (!m.find()) return Optional.empty();
        Matcher u = UNICODE_ESCAPE.matcher(m.group(1).replace("\\/", "/"));
        StringBuilder s = new StringBuilder();
        while (u.find()) {
            u.appendReplacement(s, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(u.group(1), 16))));
        }
        u.appendTail(s);
        return Optional.of(s.toString().replace("\\\"", "\"").replace("\\\\", "\\"));
    }

    private static Optional<String> firstUrl(String html) {
        Matcher m = URL.matcher(html == null ? "" : html);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** A paragraph that links to an address, the address as its text. */
    static String linkParagraph(String url) {
        String u = Entities.escape(url);
        return "<p><a href=\"" + u + "\">" + u + "</a></p>";
    }

    // ---- shortcodes ----

    /** A shortcode renderer for one piece of content; galleries ask for attachments' addresses. */
    private static final class Shortcodes {
        private final LongFunction<Optional<String>> attachmentUrl;
        private final Kept kept;

        Shortcodes(LongFunction<Optional<String>> attachmentUrl, Kept kept) {
            this.attachmentUrl = attachmentUrl;
            this.kept = kept;
        }

        /** How deep shortcodes are inside shortcodes; past {@link #DEEPEST}, inner ones are only removed. */
        private int depth;
        private static final int DEEPEST = 16;

        String render(String text) {
            if (depth > DEEPEST) return ANY_TAG.matcher(text).replaceAll("");
            depth++;
            try {
                return renderLevel(text);
            } finally {
                depth--;
            }
        }

        /**
         * One level of content. Every closing tag's place is found in one pass first, so content full of
         * brackets costs a look-up per bracket, not a search to its end.
         */
        private String renderLevel(String text) {
            Map<String, List<Integer>> closings = new HashMap<>();
            Matcher c = CLOSING.matcher(text);
            while (c.find()) closings.computeIfAbsent(c.group(1).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(c.start());
            StringBuilder out = new StringBuilder();
            int at = 0;
            Matcher open = SHORTCODE_OPEN.matcher(text);
            while (open.find(at)) {
                int start = open.start();
                out.append(text, at, start);
                String name = open.group(2);
                int close = endOfTag(text, open.end());
                if (close < 0) {
                    // "[name" with no closing bracket: plain text
                    out.append(text, start, open.end());
                    at = open.end();
                    continue;
                }
                String attributes = text.substring(open.end(), close);
                if (!open.group(1).isEmpty()) {
                    // "[[name …]]" is how WordPress writes a literal "[name …]"
                    boolean doubled = text.startsWith("]", close + 1);
                    out.append(doubled ? text.substring(start + 1, close + 1) : "[");
                    at = doubled ? close + 2 : start + 1;
                    continue;
                }
                boolean selfClosing = attributes.endsWith("/");
                if (selfClosing) attributes = attributes.substring(0, attributes.length() - 1);
                String closing = "[/" + name + "]";
                int contentEnd = selfClosing ? -1 : firstAfter(closings.get(name.toLowerCase(Locale.ROOT)), close + 1);
                String content = contentEnd < 0 ? null : text.substring(close + 1, contentEnd);
                int after = contentEnd < 0 ? close + 1 : contentEnd + closing.length();
                if (content == null && !looksLikeShortcode(name, attributes)) {
                    out.append(text, start, close + 1);
                    at = close + 1;
                    continue;
                }
                out.append(shortcode(name.toLowerCase(Locale.ROOT), attributes(attributes), content));
                at = after;
            }
            out.append(text.substring(at));
            return STRAY_CLOSING.matcher(out).replaceAll("");
        }

        private static final Pattern STRAY_CLOSING = Pattern.compile("\\[/[a-z][\\w-]*]");
        private static final Pattern CLOSING = Pattern.compile("\\[/([A-Za-z][\\w-]*)]");
        private static final Pattern ANY_TAG = Pattern.compile("\\[/?[A-Za-z][\\w-]*[^\\[\\]]*]");

        /** The first place in the ascending list at or after {@code from}; -1 when none. */
        private static int firstAfter(List<Integer> places, int from) {
            if (places == null) return -1;
            int i = java.util.Collections.binarySearch(places, from);
            if (i < 0) i = -i - 1;
            return i < places.size() ? places.get(i) : -1;
        }

        private String shortcode(String name, Map<String, String> attributes, String content) {
            return switch (name) {
                case "caption", "wp_caption" -> caption(attributes, content == null ? "" : render(content));
                case "gallery" -> gallery(attributes);
                case "embed" -> firstUrl(content).map(u -> kept.keep(linkParagraph(u))).orElse("");
                case "video", "audio" -> Optional.ofNullable(attributes.get("src"))
                        .or(() -> attributes.values().stream().filter(v -> URL.matcher(v).matches()).findFirst())
                        .map(u -> kept.keep(linkParagraph(u))).orElse(content == null ? "" : render(content));
                default -> content == null ? "" : render(content);
            };
        }

        private String caption(Map<String, String> attributes, String content) {
            Document doc = Jsoup.parseBodyFragment(content);
            doc.outputSettings().prettyPrint(false);
            Element img = doc.body().selectFirst("img");
            if (img == null) return content;
            Element holder = img.parent() != null && img.parent().tagName().equals("a") ? img.parent() : img;
            String media = holder.outerHtml();
            holder.remove();
            String caption = doc.body().html().strip();
            if (caption.isEmpty()) caption = Entities.escape(attributes.getOrDefault("caption", "").strip());
            return kept.keep("<figure>" + media + (caption.isEmpty() ? "" : "<figcaption>" + caption + "</figcaption>")
                    + "</figure>");
        }

        private String gallery(Map<String, String> attributes) {
            String ids = attributes.getOrDefault("ids", attributes.getOrDefault("include", ""));
            StringBuilder images = new StringBuilder();
            for (String id : ids.split("[,\\s]+")) {
                if (!id.matches("\\d{1,18}")) continue;
                attachmentUrl.apply(Long.parseLong(id)).ifPresent(url ->
                        images.append("<img src=\"").append(Entities.escape(url)).append("\" alt=\"\">"));
            }
            return images.isEmpty() ? "" : kept.keep("<figure class=\"gallery\">" + images + "</figure>");
        }
    }

    /** Where the tag opened at {@code from} ends (its "]"), skipping quoted values; -1 when it never does. */
    private static int endOfTag(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ']') {
                return i;
            } else if (c == '[' || c == '\n' && text.startsWith("\n", i + 1)) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean looksLikeShortcode(String name, String attributes) {
        if (!attributes.isBlank()) return ATTRIBUTE.matcher(attributes).find() || attributes.contains("\"");
        return name.equals(name.toLowerCase(Locale.ROOT)) && !ASIDES.contains(name);
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) map.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
            else if (m.group(3) != null) map.put(m.group(3).toLowerCase(Locale.ROOT), m.group(4));
            else map.put(m.group(5).toLowerCase(Locale.ROOT), m.group(6));
        }
        return map;
    }

    // ---- autop ----

    /** WordPress's wpautop, simplified: paragraphs from blank lines, breaks from single ones, pre kept. */
    private static String autop(String text, Kept kept) {
        Matcher pre = PRE.matcher(text);
        StringBuilder s = new StringBuilder();
        while (pre.find()) {
            pre.appendReplacement(s, Matcher.quoteReplacement(kept.keep(pre.group())));
        }
        pre.appendTail(s);
        String t = URL_LINE.matcher(s).replaceAll(m -> Matcher.quoteReplacement("\n\n" + linkParagraph(m.group(1))
                + "\n\n"));
        t = BLOCK_OPEN.matcher(t).replaceAll("\n\n$1");
        t = BLOCK_CLOSE.matcher(t).replaceAll("$1\n\n");
        StringBuilder out = new StringBuilder();
        for (String chunk : t.split("\\n\\s*\\n")) {
            String c = chunk.strip();
            if (c.isEmpty()) continue;
            if (!out.isEmpty()) out.append('\n');
            if (BLOCK_START.matcher(c).find() || KEPT.matcher(c).matches()) {
                out.append(c);
            } else {
                out.append("<p>").append(c.replaceAll("[ \\t]*\\n[ \\t]*", "<br>\n")).append("</p>");
            }
        }
        return out.toString();
    }
}
