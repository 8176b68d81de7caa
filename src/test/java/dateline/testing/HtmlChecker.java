package dateline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;

/** The Nu HTML Checker, run in this process: the messages it has about a page. */
public final class HtmlChecker {
    /** One message: "error", or "info" (with subType "warning" for warnings). */
    public record Message(String type, String subType, long line, String text, String extract) {
        public boolean isError() {
            return type.equals("error") || type.equals("non-document-error");
        }

        @Override
        public String toString() {
            return type + (subType == null ? "" : "/" + subType) + " at line " + line + ": " + text
                    + (extract == null ? "" : " in «" + extract.strip() + "»");
        }
    }

    private final EmbeddedValidator validator = new EmbeddedValidator();

    public HtmlChecker() {
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        validator.setNoLangDetect(true);
    }

    public List<Message> check(String html) {
        try {
            String output = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            JsonNode messages = new ObjectMapper().readTree(output).path("messages");
            List<Message> found = new ArrayList<>();
            for (JsonNode m : messages) {
                found.add(new Message(m.path("type").asText(), m.has("subType") ? m.get("subType").asText() : null,
                        m.path("lastLine").asLong(), m.path("message").asText(),
                        m.has("extract") ? m.get("extract").asText() : null));
            }
            return found;
        } catch (Exception e) {
            throw new IllegalStateException("The HTML checker failed", e);
        }
    }

    public List<Message> errors(String html) {
        return check(html).stream().filter(Message::isError).toList();
    }
}
