package dateline.imports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes Dateline's JSON export as the parts come, one at a time:
 * {@code {"format":"dateline","version":1,"site":{…},"authors":[…],"terms":[…],"items":[…]}}, whose objects
 * have the fields of the {@link Wxr} records (without their line numbers, which say where a record was read).
 * Dates are ISO-8601 instants or null. The parts must come in a WXR file's order: site, authors, terms, items.
 */
final class DatelineJsonWriter implements Wxr.Handler, AutoCloseable {
    static final String FORMAT = "dateline";
    static final int VERSION = 1;
    private static final List<String> PARTS = List.of("site", "authors", "terms", "items");

    private final JsonGenerator json;
    /** The index in {@link #PARTS} of the part being written; -1 before the site. */
    private int part = -1;

    DatelineJsonWriter(OutputStream out) {
        try {
            // indented: a person can read it, and a message about it can name a line worth looking at
            this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void site(Wxr.Site site) {
        write(() -> {
            moveTo(0);
            json.writeFieldName("site");
            json.writeStartObject();
            field("title", site.title());
            field("link", site.link());
            field("description", site.description());
            field("language", site.language());
            field("baseSiteUrl", site.baseSiteUrl());
            field("baseBlogUrl", site.baseBlogUrl());
            field("version", site.version());
            json.writeEndObject();
        });
    }

    @Override
    public void author(Wxr.Author a) {
        write(() -> {
            moveTo(1);
            json.writeStartObject();
            json.writeNumberField("id", a.id());
            field("login", a.login());
            field("email", a.email());
            field("displayName", a.displayName());
            field("firstName", a.firstName());
            field("lastName", a.lastName());
            field("role", a.role());
            json.writeEndObject();
        });
    }

    @Override
    public void term(Wxr.Term t) {
        write(() -> {
            moveTo(2);
            json.writeStartObject();
            json.writeNumberField("id", t.id());
            field("taxonomy", t.taxonomy());
            field("slug", t.slug());
            field("name", t.name());
            field("parentSlug", t.parentSlug());
            field("description", t.description());
            json.writeEndObject();
        });
    }

    @Override
    public void item(Wxr.Item i) {
        write(() -> {
            moveTo(3);
            json.writeStartObject();
            json.writeNumberField("postId", i.postId());
            field("title", i.title());
            field("link", i.link());
            field("guid", i.guid());
            field("creator", i.creator());
            field("content", i.content());
            field("excerpt", i.excerpt());
            field("dateGmt", i.dateGmt());
            field("modifiedGmt", i.modifiedGmt());
            field("status", i.status());
            field("postType", i.postType());
            field("postName", i.postName());
            json.writeNumberField("parentId", i.parentId());
            json.writeNumberField("menuOrder", i.menuOrder());
            json.writeBooleanField("sticky", i.sticky());
            field("commentStatus", i.commentStatus());
            field("password", i.password());
            field("attachmentUrl", i.attachmentUrl());
            json.writeArrayFieldStart("terms");
            for (Wxr.TermRef ref : i.terms()) {
                json.writeStartObject();
                field("domain", ref.domain());
                field("slug", ref.slug());
                field("name", ref.name());
                json.writeEndObject();
            }
            json.writeEndArray();
            meta(i.meta());
            json.writeArrayFieldStart("comments");
            for (Wxr.Comment c : i.comments()) comment(c);
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private void comment(Wxr.Comment c) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", c.id());
        field("author", c.author());
        field("authorEmail", c.authorEmail());
        field("authorUrl", c.authorUrl());
        field("authorIp", c.authorIp());
        field("dateGmt", c.dateGmt());
        field("content", c.content());
        field("approved", c.approved());
        field("type", c.type());
        json.writeNumberField("parentId", c.parentId());
        json.writeNumberField("userId", c.userId());
        meta(c.meta());
        json.writeEndObject();
    }

    private void meta(List<Wxr.Meta> meta) throws IOException {
        json.writeArrayFieldStart("meta");
        for (Wxr.Meta m : meta) {
            json.writeStartObject();
            field("key", m.key());
            field("value", m.value());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Ends the part being written and begins those up to {@code wanted}, empty, so that none is missing. */
    private void moveTo(int wanted) throws IOException {
        if (wanted < part) throw new IllegalStateException("The " + PARTS.get(wanted) + " come before the " + PARTS.get(part));
        if (wanted == part) return;
        endPart();
        while (part < wanted) {
            part++;
            if (part == wanted && part == 0) return; // the site is one object, written by site()
            if (part == 0) {
                json.writeNullField("site");
                continue;
            }
            json.writeArrayFieldStart(PARTS.get(part));
            if (part < wanted) json.writeEndArray();
        }
    }

    private void endPart() throws IOException {
        if (part > 0) json.writeEndArray();
    }

    /** Ends the document, with empty lists for the parts that had nothing. */
    @Override
    public void close() {
        write(() -> {
            if (part < PARTS.size() - 1) moveTo(PARTS.size() - 1);
            endPart();
            json.writeEndObject();
            json.close();
        });
    }

    private void field(String name, String value) throws IOException {
        if (value == null) json.writeNullField(name);
        else json.writeStringField(name, value);
    }

    private void field(String name, Instant value) throws IOException {
        if (value == null) json.writeNullField(name);
        else json.writeStringField(name, value.toString());
    }

    private interface Writing {
        void run() throws IOException;
    }

    private void write(Writing writing) {
        try {
            writing.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
