package dateline.web;

import gg.jte.ContentType;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The JTE templates of {@code src/main/jte}, escaping HTML by default. In production they are the classes
 * compiled with the application; in development ({@code serve --dev}) they are compiled from the source
 * folder and recompiled whenever a file changes, so an edit shows on the next reload.
 *
 * <p>Both keep the templates' fixed text as UTF-8 bytes ({@code binaryStaticContent}, set for the build in
 * {@code pom.xml}) and write pages as bytes ({@link PageBytes}): a page is sent as bytes, and making it a
 * {@code String} first cost an article with 200 comments a third of its rendering time.
 */
public final class Templates {
    private static final int FIRST_CAPACITY = 16 * 1024;
    /** A larger output is let go after its page rather than kept, so that one huge page does not stay in memory. */
    private static final int LARGEST_KEPT = 1024 * 1024;

    private final TemplateEngine engine;
    /**
     * Outputs that finished a page, to write the next one: a page then grows no array of its own on the way
     * (an article with 200 comments grew one from 16 kB to 256 kB, 500 kB allocated and copied for a page of
     * 200), and costs only the copy it is sent as. A few per processor, enough for every page being rendered.
     */
    private final BlockingQueue<PageBytes> spare =
            new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors());

    private Templates(TemplateEngine engine) {
        this.engine = engine;
        engine.setTrimControlStructures(true);
        engine.setBinaryStaticContent(true);
    }

    public static Templates precompiled() {
        return new Templates(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    public static Templates fromSources(Path sourceFolder, Path classFolder) {
        return new Templates(TemplateEngine.create(new DirectoryCodeResolver(sourceFolder), classFolder, ContentType.Html));
    }

    /** Renders a template whose one parameter is {@code page}: the page's UTF-8 bytes, as a response sends them. */
    public byte[] bytes(String template, Object page) {
        PageBytes output = spare.poll();
        if (output == null) output = new PageBytes(FIRST_CAPACITY);
        try {
            engine.render(template, page, output);
            return output.toByteArray();
        } finally {
            output.clear();
            if (output.capacity() <= LARGEST_KEPT) spare.offer(output);
        }
    }

    /** Renders a template whose one parameter is {@code page}, as text. */
    public String render(String template, Object page) {
        return new String(bytes(template, page), StandardCharsets.UTF_8);
    }

    /**
     * A template to show inside another page ({@code ${content}} in the other template): it is rendered
     * where it is placed, straight into that page's output, so a large part (an article's comments) is
     * written once rather than built apart and copied in.
     */
    public Content content(String template, Object page) {
        return output -> engine.render(template, page, output);
    }
}
