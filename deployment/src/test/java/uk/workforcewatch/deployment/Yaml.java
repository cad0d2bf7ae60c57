package uk.workforcewatch.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading YAML (one document or many) into Jackson trees, and small helpers to walk them. */
final class Yaml {

    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    static JsonNode read(Path file) {
        List<JsonNode> documents = readAll(Repository.read(file), file.toString());
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " holds " + documents.size() + " YAML documents, not one");
        }
        return documents.get(0);
    }

    /** Every non-empty document of a YAML stream (a file of comments only, or a leading "---", adds none). */
    static List<JsonNode> readAll(String text, String source) {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = MAPPER.getFactory().createParser(text)) {
            Iterator<JsonNode> values = MAPPER.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("not valid YAML: " + source + ": " + e.getMessage(), e);
        }
        return documents;
    }

    /** The text at a path of field names, if every step exists and the end is a scalar. */
    static Optional<String> text(JsonNode node, String... path) {
        JsonNode at = at(node, path);
        return at.isValueNode() ? Optional.of(at.asText()) : Optional.empty();
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode at = node;
        for (String step : path) {
            at = at.path(step);
        }
        return at;
    }

    /** The fields of an object in their order, or nothing when it is not an object. */
    static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        }
        return fields;
    }

    /** The elements of an array, or nothing when it is not an array. */
    static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> elements = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(elements::add);
        }
        return elements;
    }

    static String describe(ObjectNode object) {
        return object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
    }
}
