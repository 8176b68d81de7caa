package dateline.markup;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one policy for HTML that a person supplied and other people will read (article bodies, imported
 * content): structure, text formatting, links, images, figures and tables survive; scripts, event
 * handlers, styles, frames, forms and dangerous URLs do not.
 */
public final class SafeHtml {
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}_-]{1,120}");
    private static final Pattern CLASS = Pattern.compile("(?:align-(?:left|center|right)|table)");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,5}");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "blockquote", "pre", "code", "em", "strong", "b", "i", "u", "s",
                    "del", "ins", "sub", "sup", "small", "mark", "abbr", "cite", "q", "span",
                    "ul", "ol", "li", "dl", "dt", "dd",
                    "h2", "h3", "h4", "h5", "h6",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
                    "figure", "figcaption", "img", "a", "time")
            // a heading's anchor id only survives when the element itself is allowed in the same policy
            .allowAttributes("id").matching(ID).onElements("h2", "h3", "h4", "h5", "h6")
            .allowAttributes("class").matching(CLASS).onElements("table", "th", "td")
            // a gallery of images brought in from WordPress, laid out by the stylesheet
            .allowAttributes("class").matching(Pattern.compile("gallery")).onElements("figure")
            .allowAttributes("colspan", "rowspan").matching(NUMBER).onElements("th", "td")
            .allowAttributes("scope").matching(Pattern.compile("row|col|rowgroup|colgroup")).onElements("th")
            .allowAttributes("start").matching(NUMBER).onElements("ol")
            .allowAttributes("href").onElements("a")
            .allowAttributes("title").onElements("a", "abbr", "img")
            .allowAttributes("cite").onElements("blockquote", "q", "del", "ins")
            .allowAttributes("datetime").onElements("time", "del", "ins")
            .allowAttributes("src", "alt").onElements("img")
            .allowAttributes("width", "height").matching(NUMBER).onElements("img")
            .allowAttributes("loading").matching(Pattern.compile("lazy|eager")).onElements("img")
            .allowAttributes("decoding").matching(Pattern.compile("async|sync|auto")).onElements("img")
            .allowStandardUrlProtocols()
            .requireRelsOnLinks("noopener")
            .toFactory();

    private SafeHtml() {}

    public static String sanitize(String html) {
        return POLICY.sanitize(html == null ? "" : html);
    }

    /** The words of a piece of HTML as a reader reads them, entities decoded, on one line. Not HTML. */
    public static String toPlainText(String html) {
        return html == null || html.isEmpty() ? "" : Jsoup.parseBodyFragment(html).text();
    }
}
