package dateline.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Dateline's JSON export (as {@link DatelineJsonWriter} writes it) as a stream: the file is parsed one
 * author, term or item at a time, so an export of any size needs the memory of its largest item. A file that
 * is not a Dateline export of a version this reader knows, or that is broken or cut short, throws
 * {@link WxrException} naming the line. A field that is missing reads as empty (or 0, or no date).
 */
public final class DatelineJsonReader implements Wxr.Reader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public DatelineJsonReader() {}

    @Override
    public void read(Path file, Wxr.Handler handler) {
        try (InputStream in = Files.newInputStream(file);
             JsonParser json = MAPPER.getFactory().createParser(in)) {
            read(json, handler);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new WxrException(line, "The file is not well-formed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new WxrException(0, "The file cannot be read: " + e.getMessage(), e);
        }
    }

    private void read(JsonParser json, Wxr.Handler handler) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw new WxrException(line(json), "This is not a Dateline export: it does not begin with '{'.");
        }
        String format = null;
        Integer version = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "format" -> format = json.getValueAsString();
                case "version" -> version = value == JsonToken.VALUE_NUMBER_INT ? json.getIntValue() : -1;
                case "site", "authors", "terms", "items" -> {
                    known(json, format, version);
                    part(json, field, value, handler);
                }
                default -> json.skipChildren();
            }
        }
        if (json.currentToken() != JsonToken.END_OBJECT) {
            throw new WxrException(line(json), "The file ends before the export does.");
        }
        known(json, format, version);
        if (json.nextToken() != null) throw new WxrException(line(json), "Something follows the end of the export.");
    }

    /** Stops at once unless the file said, before anything else, that it is a Dateline export of version 1. */
    private static void known(JsonParser json, String format, Integer version) {
        if (!DatelineJsonWriter.FORMAT.equals(format)) {
            throw new WxrException(line(json), "This is not a Dateline export: its \"format\" is "
                    + (format == null ? "missing" : "'" + format + "'") + ", not 'dateline'.");
        }
        if (version == null || version != DatelineJsonWriter.VERSION) {
            throw new WxrException(line(json), "This Dateline export is of version " + (version == null ? "(none)" : version)
                    + "; this Dateline reads version " + DatelineJsonWriter.VERSION + ".");
        }
    }

    private void part(JsonParser json, String field, JsonToken value, Wxr.Handler handler) throws IOException {
        if (field.equals("site")) {
            if (value == JsonToken.VALUE_NULL) return;
            handler.site(site(object(json, "the site")));
            return;
        }
        if (value != JsonToken.START_ARRAY) throw new WxrException(line(json), "\"" + field + "\" must be a list.");
        while (json.nextToken() != JsonToken.END_ARRAY) {
            if (json.currentToken() == null) throw new WxrException(line(json), "The file ends inside \"" + field + "\".");
            int line = line(json);
            switch (field) {
                case "authors" -> handler.author(author(object(json, "an author"), line));
                case "terms" -> handler.term(term(object(json, "a term"), line));
                default -> handler.item(item(object(json, "an item"), line));
            }
        }
    }

    private static JsonNode object(JsonParser json, String what) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) throw new WxrException(line(json), what + " must be an object.");
        return MAPPER.readTree(json);
    }

    private static Wxr.Site site(JsonNode n) {
        return new Wxr.Site(text(n, "title"), text(n, "link"), text(n, "description"), text(n, "language"),
                text(n, "baseSiteUrl"), text(n, "baseBlogUrl"), text(n, "version"));
    }

    private static Wxr.Author author(JsonNode n, int line) {
        return new Wxr.Author(n.path("id").asLong(), text(n, "login"), text(n, "email"), text(n, "displayName"),
                text(n, "firstName"), text(n, "lastName"), text(n, "role"), line);
    }

    private static Wxr.Term term(JsonNode n, int line) {
        return new Wxr.Term(n.path("id").asLong(), text(n, "taxonomy"), text(n, "slug"), text(n, "name"),
                text(n, "parentSlug"), text(n, "description"), line);
    }

    private static Wxr.Item item(JsonNode n, int line) {
        List<Wxr.TermRef> terms = new ArrayList<>();
        for (JsonNode t : n.path("terms")) terms.add(new Wxr.TermRef(text(t, "domain"), text(t, "slug"), text(t, "name")));
        List<Wxr.Comment> comments = new ArrayList<>();
        for (JsonNode c : n.path("comments")) {
            comments.add(new Wxr.Comment(c.path("id").asLong(), text(c, "author"), text(c, "authorEmail"),
                    text(c, "authorUrl"), text(c, "authorIp"), instant(c, "dateGmt", line), text(c, "content"),
                    text(c, "approved"), text(c, "type"), c.path("parentId").asLong(), c.path("userId").asLong(),
                    meta(c), line));
        }
        return new Wxr.Item(n.path("postId").asLong(), text(n, "title"), text(n, "link"), text(n, "guid"),
                text(n, "creator"), text(n, "content"), text(n, "excerpt"), instant(n, "dateGmt", line),
                instant(n, "modifiedGmt", line), text(n, "status"), text(n, "postType"), text(n, "postName"),
                n.path("parentId").asLong(), n.path("menuOrder").asInt(), n.path("sticky").asBoolean(),
                text(n, "commentStatus"), text(n, "password"), text(n, "attachmentUrl"), terms, meta(n), comments, line);
    }

    private static List<Wxr.Meta> meta(JsonNode n) {
        List<Wxr.Meta> meta = new ArrayList<>();
        for (JsonNode m : n.path("meta")) meta.add(new Wxr.Meta(text(m, "key"), text(m, "value")));
        return meta;
    }

    private static String text(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static Instant instant(JsonNode n, String field, int line) {
        String value = text(n, field);
        if (value.isEmpty()) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            String title = text(n, "title");
            throw new WxrException(line, "The " + field + " of " + (title.isEmpty() ? "an entry" : "'" + title + "'")
                    + " is not a moment such as 2024-06-20T09:38:00Z: '" + value + "'.");
        }
    }

    private static int line(JsonParser json) {
        return json.currentLocation().getLineNr();
    }
}
