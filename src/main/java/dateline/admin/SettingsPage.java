package dateline.admin;

import java.util.List;
import java.util.Map;

/**
 * The settings screen, with every value as typed. {@code smtpPasswordStored} says a mail password is kept
 * (it is never shown back); {@code mailStatus} says whether the site can send mail.
 */
public record SettingsPage(AdminFrame frame, Map<String, String> values, Map<String, String> problems, String notice,
                           List<String> timezones, List<FormatChoice> dateFormats, List<FormatChoice> timeFormats,
                           boolean smtpPasswordStored, String mailStatus) {

    /** A date or time format offered, with how "now" looks in it. */
    public record FormatChoice(String pattern, String example) {}

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String problem(String field) {
        return problems.get(field);
    }

    public boolean isPreset(String field, List<FormatChoice> choices) {
        return choices.stream().anyMatch(c -> c.pattern().equals(value(field)));
    }
}
