package dateline.markup;

import static java.util.regex.Pattern.CASE_INSENSITIVE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What a reader typed into a comment, made safe to show to everyone: plain text with paragraphs and
 * automatic links, and a few inline tags at most.
 *
 * <ul>
 *   <li>A blank line starts a new paragraph; a single line break stays a line break. Space around the
 *       whole comment is dropped.
 *   <li>{@code <b> <i> <em> <strong> <code> <blockquote>} work as tags, in lower or upper case and without
 *       attributes, and so does {@code <a href="…">} with a link to an http, https or mailto address and no
 *       other attribute. Everything else is shown exactly as typed: other tags, tags with attributes, links
 *       to anywhere else, and a closing tag that closes nothing.
 *   <li>Inside {@code <code>} the text is shown as typed, tags included, until {@code </code>}.
 *   <li>Formatting stays within its paragraph: a tag left open is closed at the next blank line, quotation
 *       or the end of the comment. Crossed tags such as {@code <b><i>x</b>y</i>} are repaired as browsers
 *       repair them ({@code <b><i>x</i></b><i>y</i>}).
 *   <li>A quotation ({@code <blockquote>}) is a block with paragraphs of its own, never part of a paragraph.
 *   <li>Web addresses in the text (http, https and www.) become links, but not inside a link or code;
 *       email addresses do not. Every link is marked {@code rel="nofollow ugc noopener"}.
 * </ul>
 *
 * The result then passes through a policy that allows only these elements and addresses, so safety never
 * depends on the text having been read correctly. Pure functions; safe for any number of threads.
 */
public final class CommentText {
    /** Deeper nesting than this is shown as text: nobody needs it, and it keeps the work linear. */
    private static final int MOST_OPEN_ELEMENTS = 20;

    private static final Pattern OPENING_TAG = Pattern.compile("<(b|i|em|strong|code|blockquote)\\s*>", CASE_INSENSITIVE);
    private static final Pattern CLOSING_TAG = Pattern.compile("</(b|i|em|strong|code|blockquote|a)\\s*>", CASE_INSENSITIVE);
    private static final Pattern LINK_TAG = Pattern.compile(
            "<a\\s+href\\s*=\\s*(?:\"([^\"<>]*)\"|'([^'<>]*)')\\s*>", CASE_INSENSITIVE);
    private static final Pattern END_OF_CODE = Pattern.compile("</code\\s*>", CASE_INSENSITIVE);
    private static final Pattern WEB_ADDRESS = Pattern.compile(
            "https?://[^\\s\\p{Z}\\p{C}/?#][^\\s\\p{Z}\\p{C}]*", CASE_INSENSITIVE);
    private static final Pattern MAIL_ADDRESS = Pattern.compile("mailto:[^\\s\\p{Z}\\p{C}]+", CASE_INSENSITIVE);
    /** ASCII characters that may stand unescaped in an address; any other is percent-encoded. */
    private static final String URL_PUNCTUATION = "!#$%&'()*+,-./:;=?@_~";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private static final LinkExtractor ADDRESSES = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW)).build();

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "b", "i", "em", "strong", "code", "blockquote", "a")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            // the one place where links get their rel: the policy adds it to every link it lets through
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    /**
     * The characters of a comment that can be written as they are typed: ASCII letters, digits, the space and
     * the punctuation that neither the reading nor the policy changes (the policy writes {@code " & ' + < = > @ `}
     * as references, and may follow a brace with an empty HTML comment, so that no template reads two as one).
     * The line feed parts lines.
     */
    private static final boolean[] AS_TYPED = new boolean[128];

    static {
        for (char c : " !#$%()*,-./0123456789:;?ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_abcdefghijklmnopqrstuvwxyz|~\n"
                .toCharArray()) {
            AS_TYPED[c] = true;
        }
    }

    private CommentText() {}

    /** The comment as HTML to place inside an {@code <article>} or {@code <div>}; "" for an empty comment. */
    public static String toSafeHtml(String typed) {
        String text = typed == null ? "" : typed.replace("\r\n", "\n").replace('\r', '\n');
        return isPlain(text) ? plainHtml(text) : viaDocument(typed);
    }

    /** {@link #toSafeHtml} by way of the document and the policy, whatever the comment holds. */
    static String viaDocument(String typed) {
        // the policy writes void elements the XHTML way; "<br />" can only be that tag, as it escapes every "<" in text
        return POLICY.sanitize(read(typed).html()).replace("<br />", "<br>");
    }

    /**
     * True for a comment that can hold no tag, reference, address or character the policy would write otherwise:
     * only characters of {@link #AS_TYPED}, no "www" and no ":" followed by anything but a space or a line's end.
     * Most comments are such plain text, and their HTML is then written straight, without the document and the
     * policy (a tenth of a comment post's processor time went into them): it is the same HTML, character for
     * character, as {@link #viaDocument} makes ({@code CommentTextTest} compares the two over many texts).
     */
    static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || !AS_TYPED[c]) return false;
            if (c == ':' && i + 1 < text.length() && text.charAt(i + 1) != ' ' && text.charAt(i + 1) != '\n') return false;
            if ((c == 'w' || c == 'W') && text.regionMatches(true, i, "www", 0, 3)) return false;
        }
        return true;
    }

    /**
     * The HTML of a plain comment, as the document makes it: each run of lines between blank ones a paragraph,
     * each line without the space around it, lines parted by {@code <br>}.
     */
    private static String plainHtml(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        boolean inParagraph = false;
        for (String line : text.split("\n", -1)) {
            String words = line.strip(); // only the space of AS_TYPED can be around it
            if (words.isEmpty()) {
                if (inParagraph) html.append("</p>");
                inParagraph = false;
            } else {
                html.append(inParagraph ? "<br>" : "<p>").append(words);
                inParagraph = true;
            }
        }
        if (inParagraph) html.append("</p>");
        return html.toString();
    }

    /**
     * The words of the comment without any tags, as the reader sees them on the page, on one line: for
     * excerpts, feeds and notifications. Not HTML: escape it wherever it is shown.
     */
    public static String toPlainText(String typed) {
        return read(typed).text();
    }

    private static Element read(String typed) {
        String text = withoutForbiddenCharacters(typed == null ? "" : typed.replace("\r\n", "\n").replace('\r', '\n'));
        Builder comment = new Builder();
        for (String paragraph : paragraphsOf(text)) {
            readParagraph(paragraph, comment);
            comment.endParagraph();
        }
        return comment.finish();
    }

    /** The text between blank lines (lines of nothing but space); each may still hold single line breaks. */
    private static List<String> paragraphsOf(String text) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (stripStart(line).isEmpty()) {
                if (!paragraph.isEmpty()) paragraphs.add(paragraph.toString());
                paragraph.setLength(0);
            } else {
                if (!paragraph.isEmpty()) paragraph.append('\n');
                paragraph.append(line);
            }
        }
        if (!paragraph.isEmpty()) paragraphs.add(paragraph.toString());
        return paragraphs;
    }

    /** Reads one paragraph in a single pass: at each "<", either one of the allowed tags or text. */
    private static void readParagraph(String text, Builder comment) {
        int textFrom = 0;
        int lookFrom = 0;
        while (lookFrom < text.length()) {
            if (comment.inCode()) {
                // inside code, only "</code>" is a tag; the end of the paragraph also ends the code
                Matcher end = END_OF_CODE.matcher(text).region(lookFrom, text.length());
                if (!end.find()) break;
                comment.addText(text.substring(textFrom, end.start()));
                comment.close("code");
                textFrom = lookFrom = end.end();
                continue;
            }
            int bracket = text.indexOf('<', lookFrom);
            if (bracket < 0) break;
            Tag tag = tagAt(text, bracket);
            lookFrom = bracket + 1;
            if (tag == null) continue;
            comment.addText(text.substring(textFrom, bracket));
            if (!comment.apply(tag)) comment.addText(text.substring(bracket, tag.end()));
            textFrom = lookFrom = tag.end();
        }
        comment.addText(text.substring(textFrom));
    }

    /** One of the allowed tags, as typed at a "<"; null when the "<" starts anything else. */
    private static Tag tagAt(String text, int at) {
        Matcher opening = OPENING_TAG.matcher(text).region(at, text.length());
        if (opening.lookingAt()) return new Tag(opening.group(1).toLowerCase(Locale.ROOT), false, null, opening.end());
        Matcher closing = CLOSING_TAG.matcher(text).region(at, text.length());
        if (closing.lookingAt()) return new Tag(closing.group(1).toLowerCase(Locale.ROOT), true, null, closing.end());
        Matcher link = LINK_TAG.matcher(text).region(at, text.length());
        if (!link.lookingAt()) return null;
        // the address as the browser would read it, character references decoded, so what is checked is what is followed
        String href = Parser.unescapeEntities(link.group(1) != null ? link.group(1) : link.group(2), true).strip();
        boolean followable = WEB_ADDRESS.matcher(href).matches() || MAIL_ADDRESS.matcher(href).matches();
        return followable ? new Tag("a", false, href, link.end()) : null;
    }

    private record Tag(String name, boolean closing, String href, int end) {}

    /** Space within a line: tabs and the space characters of every script, such as the no-break space. */
    private static boolean isSpace(char c) {
        return c == '\t' || Character.isSpaceChar(c);
    }

    private static String stripStart(String text) {
        int start = 0;
        while (start < text.length() && isSpace(text.charAt(start))) start++;
        return text.substring(start);
    }

    private static String stripEnd(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.charAt(end - 1))) end--;
        return text.substring(0, end);
    }

    /**
     * Drops what no page or feed may contain: control characters other than tab and line feed,
     * noncharacters and lone surrogates.
     */
    private static String withoutForbiddenCharacters(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\n' || c == '\t'
                        || !(Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE
                                || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE))
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** The address in a form every browser and HTML checker accepts: unusual characters percent-encoded. */
    private static String hrefOf(String address) {
        StringBuilder href = new StringBuilder(address.length());
        for (int i = 0; i < address.length(); i += Character.charCount(address.codePointAt(i))) {
            int c = address.codePointAt(i);
            boolean plain = c < 128
                    ? Character.isLetterOrDigit(c) || URL_PUNCTUATION.indexOf(c) >= 0 && (c != '%' || isEscape(address, i))
                    : !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT
                            && Character.getType(c) != Character.PRIVATE_USE && Character.isDefined(c);
            if (plain) {
                href.appendCodePoint(c);
            } else {
                for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
                    href.append('%').append(HEX.toHexDigits(b));
                }
            }
        }
        return href.toString();
    }

    private static boolean isEscape(String address, int percent) {
        return percent + 2 < address.length()
                && Character.digit(address.charAt(percent + 1), 16) >= 0
                && Character.digit(address.charAt(percent + 2), 16) >= 0;
    }

    /**
     * The comment as it is read: the elements still open, outermost first (the comment itself, quotations,
     * then a paragraph and the formatting within it).
     */
    private static final class Builder {
        private final List<Element> open = new ArrayList<>();
        /** Whether the open paragraph shows anything yet: space and line breaks before that are left out. */
        private boolean started;

        Builder() {
            Document document = Document.createShell("");
            document.outputSettings().prettyPrint(false);
            open.add(document.body());
        }

        boolean inCode() {
            return is(innermost(), "code");
        }

        /** Typed text within a paragraph; its line breaks stay, without the space around them. */
        void addText(String text) {
            String[] lines = text.split("\n", -1);
            for (int l = 0; l < lines.length; l++) {
                if (l > 0 && started) innermost().appendElement("br");
                String line = l < lines.length - 1 ? stripEnd(lines[l]) : lines[l];
                addWords(l > 0 ? stripStart(line) : line);
            }
        }

        /** Applies a tag; false when it is to be shown as typed instead. */
        boolean apply(Tag tag) {
            if (tag.closing()) return close(tag.name());
            if (open.size() > MOST_OPEN_ELEMENTS) return false;
            if (tag.name().equals("blockquote")) {
                endParagraph();
                open.add(innermost().appendElement("blockquote"));
                return true;
            }
            if (tag.name().equals("a")) close("a");
            startParagraph();
            Element element = innermost().appendElement(tag.name());
            if (tag.href() != null) element.attr("href", hrefOf(tag.href()));
            open.add(element);
            return true;
        }

        boolean close(String name) {
            if (name.equals("blockquote")) {
                int quote = lastIndexOf("blockquote");
                if (quote < 0) return false;
                endParagraph();
                closeFrom(quote);
                return true;
            }
            int paragraph = indexOf("p");
            int element = lastIndexOf(name);
            if (paragraph < 0 || element < paragraph) return false;
            // what was opened inside it and is still open goes on after it, as browsers do
            List<Element> reopened = List.copyOf(open.subList(element + 1, open.size()));
            closeFrom(element);
            for (Element inside : reopened) {
                Element again = inside.shallowClone();
                innermost().appendChild(again);
                open.add(again);
            }
            return true;
        }

        Element finish() {
            endParagraph();
            closeFrom(1);
            return open.get(0);
        }

        private void addWords(String typed) {
            String words = started ? typed : stripStart(typed);
            if (words.isEmpty()) return;
            startParagraph();
            started = true;
            Element into = innermost();
            if (lastIndexOf("a") >= 0 || lastIndexOf("code") >= 0) {
                into.appendText(words);
                return;
            }
            int done = 0;
            for (LinkSpan span : ADDRESSES.extractLinks(words)) {
                String shown = words.substring(span.getBeginIndex(), span.getEndIndex());
                String address = span.getType() == LinkType.WWW ? "https://" + shown : shown;
                if (!WEB_ADDRESS.matcher(address).matches()) continue; // such as javascript://, which the finder also finds
                if (span.getBeginIndex() > done) into.appendText(words.substring(done, span.getBeginIndex()));
                into.appendElement("a").attr("href", hrefOf(address)).appendText(shown);
                done = span.getEndIndex();
            }
            if (done < words.length()) into.appendText(words.substring(done));
        }

        private void startParagraph() {
            if (indexOf("p") >= 0) return;
            open.add(innermost().appendElement("p"));
        }

        void endParagraph() {
            started = false;
            int paragraph = indexOf("p");
            if (paragraph < 0) return;
            closeFrom(paragraph + 1);
            trimEnd(open.get(paragraph));
            closeFrom(paragraph);
        }

        /** Closes the elements from this depth inwards; one left empty is dropped. */
        private void closeFrom(int depth) {
            while (open.size() > depth) {
                Element closed = open.remove(open.size() - 1);
                if (closed.childNodeSize() == 0) closed.remove();
            }
        }

        private Element innermost() {
            return open.get(open.size() - 1);
        }

        private int indexOf(String name) {
            for (int i = 0; i < open.size(); i++) if (is(open.get(i), name)) return i;
            return -1;
        }

        private int lastIndexOf(String name) {
            for (int i = open.size() - 1; i >= 0; i--) if (is(open.get(i), name)) return i;
            return -1;
        }

        private static boolean is(Element element, String name) {
            return element.normalName().equals(name);
        }

        /** Drops space and line breaks at the end of a paragraph, looking into the formatting there. */
        private static void trimEnd(Element element) {
            while (element.childNodeSize() > 0) {
                Node last = element.childNode(element.childNodeSize() - 1);
                if (last instanceof TextNode text) {
                    String rest = stripEnd(text.getWholeText());
                    if (!rest.isEmpty()) {
                        text.text(rest);
                        return;
                    }
                } else if (last instanceof Element inner && !is(inner, "br")) {
                    trimEnd(inner);
                    if (inner.childNodeSize() > 0) return;
                }
                last.remove();
            }
        }
    }
}
