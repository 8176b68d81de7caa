package dateline.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import java.nio.file.Path;

/**
 * The JTE templates of {@code src/main/jte}, escaping HTML by default. In production they are the classes
 * compiled with the application; in development ({@code serve --dev}) they are compiled from the source
 * folder and recompiled whenever a file changes, so an edit shows on the next reload.
 */
public final class Templates {
    private final TemplateEngine engine;

    private Templates(TemplateEngine engine) {
        this.engine = engine;
        engine.setTrimControlStructures(true);
    }

    public static Templates precompiled() {
        return new Templates(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    public static Templates fromSources(Path sourceFolder, Path classFolder) {
        return new Templates(TemplateEngine.create(new DirectoryCodeResolver(sourceFolder), classFolder, ContentType.Html));
    }

    /** Renders a template whose one parameter is {@code page}. */
    public String render(String template, Object page) {
        StringOutput output = new StringOutput(16 * 1024);
        engine.render(template, page, output);
        return output.toString();
    }
}
