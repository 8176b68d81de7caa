package dateline.api;

import java.util.Map;

/** The API's names for the fields the features' services name after their forms' fields. */
final class ApiFields {
    private static final Map<String, String> NAMES = Map.of(
            "body", "body_markdown",
            "note", "edit.note",
            "comment", "text",
            "reply", "text",
            "parent", "parent_id",
            "dateline", "dateline_place",
            "featured_media", "featured_media_id");

    private ApiFields() {}

    static String apiName(String serviceField) {
        return NAMES.getOrDefault(serviceField, serviceField);
    }
}
