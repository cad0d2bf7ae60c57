package uk.workforcewatch.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import jakarta.validation.Validator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples of every request body in an OpenAPI document, read as a client reads it: keyed by operation
 * ("POST /api/v1/..."), then by example name, each value as JSON text. An operation with a body and no example
 * maps to an empty map; a JSON body without its schema fails.
 */
public final class DocumentedExamples {

    private static final Set<String> METHODS = Set.of("post", "put", "patch", "delete", "get");

    private DocumentedExamples() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, String>> in(String documentPath, ObjectMapper json) {
        Map<String, Object> document = RestAssured.given().accept("application/json").get(documentPath).then()
                .statusCode(200).extract().as(Map.class);
        Map<String, Map<String, String>> found = new TreeMap<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, operations) ->
                operations.forEach((method, operation) -> {
                    if (!METHODS.contains(method)) {
                        return;
                    }
                    Object requestBody = ((Map<String, Object>) operation).get("requestBody");
                    if (requestBody == null) {
                        return;
                    }
                    Map<String, Object> content =
                            (Map<String, Object>) ((Map<String, Object>) requestBody).get("content");
                    Map<String, Object> media = content == null ? null
                            : (Map<String, Object>) content.get("application/json");
                    if (content != null && media == null) {
                        return; // a file, such as an import's CSV: no JSON body to give examples of
                    }
                    if (media != null && media.get("schema") == null) {
                        throw new AssertionError(method + " " + path + " lost the schema of its body");
                    }
                    Map<String, Object> examples = media == null ? null : (Map<String, Object>) media.get("examples");
                    Map<String, String> bodies = new LinkedHashMap<>();
                    if (examples != null) {
                        examples.forEach((name, example) ->
                                bodies.put(name, text(((Map<String, Object>) example).get("value"), json)));
                    }
                    found.put(method.toUpperCase() + " " + path, bodies);
                }));
        return found;
    }

    /**
     * Each operation has at least one example, and each is read into the operation's record (unknown fields
     * refused) and keeps its constraints; the operations are exactly those given.
     */
    public static void assertEachFitsItsRecord(Map<String, Map<String, String>> documented,
                                               Map<String, Class<?>> records, ObjectMapper json, Validator validator)
            throws IOException {
        assertEquals(records.keySet(), documented.keySet(), "the operations that take a body");
        ObjectMapper strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (var operation : documented.entrySet()) {
            assertFalse(operation.getValue().isEmpty(), operation.getKey() + " has no example");
            for (var example : operation.getValue().entrySet()) {
                Object body = strict.readValue(example.getValue(), records.get(operation.getKey()));
                assertTrue(validator.validate(body).isEmpty(), operation.getKey() + " '" + example.getKey()
                        + "' breaks its record's constraints: " + validator.validate(body));
            }
        }
    }

    /** The documented example as a body to send, with the named fields replaced (by ids the test made, say). */
    public static Map<String, Object> body(Map<String, Map<String, String>> documented, String operation,
                                           String name, ObjectMapper json, Object... replacements) throws IOException {
        String text = documented.get(operation).get(name);
        assertTrue(text != null, operation + " has no example '" + name + "'");
        Map<String, Object> body = json.readValue(text, new TypeReference<>() { });
        for (int i = 0; i < replacements.length; i += 2) {
            assertTrue(body.containsKey((String) replacements[i]), name + " names " + replacements[i]);
            body.put((String) replacements[i], replacements[i + 1]);
        }
        return body;
    }

    private static String text(Object value, ObjectMapper json) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
