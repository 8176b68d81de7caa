package dateline.accounts;

import dateline.web.Frame;
import dateline.web.Head;
import java.util.Map;

/**
 * The pages of signing in and choosing a password. {@code values} holds what the person typed (never a
 * password), {@code problems} a message per field, {@code notice} a message for the whole page.
 */
public record AccountPage(Frame frame, Head head, Map<String, String> values, Map<String, String> problems,
                          String notice, String csrf, boolean canSendLinks) {
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String problem(String field) {
        return problems.get(field);
    }
}
