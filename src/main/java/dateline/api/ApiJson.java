package dateline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON as the API reads and writes it: names in snake_case; requests read strictly, so that a mistyped
 * field or a value of the wrong type is refused with the field named instead of being quietly ignored or
 * converted ({@code "version": "3"}, {@code "headline": 5} and {@code "tags": "x"} are all refused).
 */
final class ApiJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    static {
        MAPPER.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    private ApiJson() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    /** The value as the API writes it, as an ordered map of its fields, for documents that embed it. */
    static Map<String, Object> fields(Object value) {
        return MAPPER.convertValue(value, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    /** Reads a request body as the type, or refuses it with the field at fault named. */
    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) throw ApiError.invalidBody("Send a JSON object as the request's body.");
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) throw ApiError.invalidBody("Send a JSON object, not null.");
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiError.unknownField(pathOf(e));
        } catch (MismatchedInputException e) {
            throw fieldOrBody(pathOf(e), "must be " + kindOf(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw fieldOrBody(pathOf(e), "cannot be read");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ApiError.malformedJson("The body is not well-formed JSON" + where + ".");
        }
    }

    private static ApiError fieldOrBody(String field, String problem) {
        if (field.isEmpty()) return ApiError.invalidBody("Send a JSON object as the request's body.");
        return ApiError.invalidField(field, "The field “" + field + "” " + problem + ".");
    }

    private static String kindOf(Class<?> type) {
        if (type == null) return "of another type";
        if (type == String.class) return "text";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (java.util.Collection.class.isAssignableFrom(type)) return "a list";
        return "an object";
    }

    /** Where in the request the problem is, as {@code edit.note} or {@code tags[2]}. */
    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
