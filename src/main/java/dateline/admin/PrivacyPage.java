package dateline.admin;

import java.util.Map;

/** Readers' personal data on request: export or erase every comment written with an address. */
public record PrivacyPage(AdminFrame frame, Map<String, String> values, Map<String, String> problems, String notice) {
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String problem(String field) {
        return problems.get(field);
    }
}
