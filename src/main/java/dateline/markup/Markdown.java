package dateline.markup;

import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Markdown as writers type it, rendered to HTML that is safe to show to anyone: CommonMark with tables,
 * automatic links and heading anchors, then passed through {@link SafeHtml} so that raw HTML a writer
 * typed cannot carry script. Pure functions; one instance serves every thread.
 */
public final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(), AutolinkExtension.create(), HeadingAnchorExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer html = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .attributeProviderFactory(context -> Markdown::refineAttributes)
            .build();
    private final TextContentRenderer text = TextContentRenderer.builder().build();

    /** The article body as safe HTML. Headings start at {@code h2}: the page's {@code h1} is the headline. */
    public String toSafeHtml(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        demoteHeadings(document);
        return SafeHtml.sanitize(html.render(document));
    }

    /** The text a reader would read, without any markup: for descriptions, excerpts and search. */
    public String toPlainText(String markdown) {
        return text.render(parser.parse(markdown == null ? "" : markdown)).strip();
    }

    private static void refineAttributes(Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof TableCell && attributes.containsKey("align")) {
            // HTML5 no longer has align; a class keeps the column's alignment without inline style
            attributes.put("class", "align-" + attributes.remove("align"));
        }
        if (node instanceof TableBlock) {
            attributes.put("class", "table");
        }
        if (node instanceof Image) {
            attributes.put("loading", "lazy");
            attributes.put("decoding", "async");
        }
    }

    private static void demoteHeadings(Node document) {
        int[] smallest = {7};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                smallest[0] = Math.min(smallest[0], heading.getLevel());
            }
        });
        int shift = Math.max(0, 2 - smallest[0]);
        if (shift == 0) return;
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + shift));
            }
        });
    }
}
