package uk.workforcewatch.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes one OpenAPI document of the gateway's own and each service's: every path once (the gateway's own
 * first), every tag once, and every schema; a schema name two documents give different shapes is kept
 * for the first and prefixed with the service's name for the others, their references rewritten. A path
 * that several services serve, each its share of it (a council's files, by kind), has each operation once:
 * the first service's, with every service's summary, each naming its service, and the roles of them all. Pure.
 */
public final class ApiMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";

    /** A service's document, or why it could not be had. */
    public record Part(String service, JsonNode document, String unavailable) {

        public static Part of(String service, JsonNode document) {
            return new Part(service, document, null);
        }

        public static Part missing(String service, String why) {
            return new Part(service, null, why);
        }
    }

    /** What one service gives of a path or an operation. */
    private record Given(String service, JsonNode node) {
    }

    private ApiMerger() {
    }

    public static ObjectNode merge(JsonNode gateway, List<Part> services, String title) {
        ObjectNode merged = gateway.deepCopy();
        ObjectNode paths = objectAt(merged, "paths");
        ObjectNode schemas = objectAt(objectAt(merged, "components"), "schemas");
        ArrayNode tags = merged.has("tags") ? (ArrayNode) merged.get("tags") : merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        tags.forEach(tag -> tagNames.add(tag.path("name").asText()));
        List<String> missing = new ArrayList<>();
        Map<String, List<Given>> served = new LinkedHashMap<>();

        for (Part part : services) {
            if (part.document() == null) {
                missing.add(part.service() + " (" + part.unavailable() + ")");
                continue;
            }
            JsonNode document = part.document().deepCopy();
            Map<String, String> renamed = new HashMap<>();
            document.path("components").path("schemas").fields().forEachRemaining(schema -> {
                JsonNode held = schemas.get(schema.getKey());
                if (held != null && !held.equals(schema.getValue())) {
                    renamed.put(schema.getKey(), prefix(part.service()) + schema.getKey());
                }
            });
            rewriteReferences(document, renamed);
            document.path("components").path("schemas").fields().forEachRemaining(schema ->
                    schemas.set(renamed.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue()));
            document.path("paths").fields().forEachRemaining(path -> {
                if (!paths.has(path.getKey())) {
                    served.computeIfAbsent(path.getKey(), key -> new ArrayList<>())
                            .add(new Given(part.service(), path.getValue()));
                }
            });
            document.path("tags").forEach(tag -> {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            });
        }
        served.forEach((path, given) -> paths.set(path, joined(given)));
        sortFields(paths);
        ObjectNode info = objectAt(merged, "info");
        info.put("title", title);
        info.put("description", "The whole public API, at the gateway: its own monitoring, alerts and audit, and "
                + "every endpoint of " + String.join(", ", services.stream().map(Part::service).toList())
                + ", forwarded with the caller's token. Each operation names the roles that may call it."
                + (missing.isEmpty() ? "" : " Not answering when this was put together, so not listed: "
                + String.join(", ", missing) + "."));
        return merged;
    }

    /** A path's item as the services give it: each operation the first's, joined with the others' when they have it. */
    private static JsonNode joined(List<Given> items) {
        if (items.size() == 1) {
            return items.get(0).node();
        }
        Map<String, List<Given>> byMethod = new LinkedHashMap<>();
        items.forEach(item -> item.node().fields().forEachRemaining(operation -> byMethod
                .computeIfAbsent(operation.getKey(), key -> new ArrayList<>())
                .add(new Given(item.service(), operation.getValue()))));
        ObjectNode joined = JsonNodeFactory.instance.objectNode();
        byMethod.forEach((method, operations) -> {
            JsonNode first = operations.get(0).node();
            if (operations.size() == 1 || !first.isObject()) {
                joined.set(method, first);
                return;
            }
            ObjectNode operation = first.deepCopy();
            operation.put("summary", operations.stream()
                    .map(o -> o.node().path("summary").asText() + " (" + o.service() + ")")
                    .collect(Collectors.joining("; ")));
            operation.set("security", JsonNodeFactory.instance.arrayNode().add(roles(operations)));
            joined.set(method, operation);
        });
        return joined;
    }

    /** One security requirement naming, as its scopes, every role any of the operations names. */
    private static ObjectNode roles(List<Given> operations) {
        Map<String, Set<String>> scopes = new LinkedHashMap<>();
        operations.forEach(operation -> operation.node().path("security").forEach(alternative -> alternative.fields()
                .forEachRemaining(scheme -> scheme.getValue().forEach(role -> scopes
                        .computeIfAbsent(scheme.getKey(), key -> new LinkedHashSet<>()).add(role.asText())))));
        ObjectNode requirement = JsonNodeFactory.instance.objectNode();
        scopes.forEach((scheme, roles) -> roles.forEach(requirement.putArray(scheme)::add));
        return requirement;
    }

    /** {@code staffing-service} gives {@code Staffing}. */
    static String prefix(String service) {
        String name = service.replace("-service", "");
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (renamed.containsKey(name)) {
                    object.set("$ref", TextNode.valueOf(SCHEMA_REF + renamed.get(name)));
                }
            }
            object.elements().forEachRemaining(child -> rewriteReferences(child, renamed));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteReferences(child, renamed));
        }
    }

    private static ObjectNode objectAt(ObjectNode parent, String field) {
        JsonNode child = parent.get(field);
        return child instanceof ObjectNode object ? object : parent.putObject(field);
    }

    private static void sortFields(ObjectNode node) {
        Map<String, JsonNode> sorted = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        names.stream().sorted().forEach(name -> sorted.put(name, node.get(name)));
        node.removeAll();
        sorted.forEach(node::set);
    }
}
