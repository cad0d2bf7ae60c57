package uk.workforcewatch.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The objects an overlay renders to, with the look-ups the checks need. */
final class Rendering {

    /** The keys of the Secret CloudNativePG creates for a cluster's application user ({@code <cluster>-app}). */
    static final Set<String> CLOUDNATIVE_PG_APP_KEYS = Set.of("username", "password", "host", "port", "dbname",
            "uri", "jdbc-uri", "pgpass", "user", "fqdn-uri", "fqdn-jdbc-uri");

    private static final Map<String, Rendering> RENDERED = new ConcurrentHashMap<>();

    final String overlay;
    final List<ObjectNode> objects;

    private Rendering(String overlay, List<ObjectNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    static Path overlayDir(String overlay) {
        return Repository.path("k8s/overlays").resolve(overlay);
    }

    static Rendering of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> new Rendering(o, List.copyOf(Kustomize.render(overlayDir(o)))));
    }

    List<ObjectNode> all(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return all(kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    /** The data of a ConfigMap of this rendering, if there is one of that name. */
    Optional<Map<String, String>> configMap(String name) {
        return find("ConfigMap", name).map(c -> {
            Map<String, String> data = new LinkedHashMap<>();
            Yaml.fields(c.path("data")).forEach((k, v) -> data.put(k, v.asText()));
            Yaml.fields(c.path("binaryData")).forEach((k, v) -> data.put(k, v.asText()));
            return data;
        });
    }

    /** The CloudNativePG cluster whose application Secret ({@code <cluster>-app}) this is, if any. */
    Optional<ObjectNode> clusterOfAppSecret(String secret) {
        return all("Cluster").stream().filter(c -> c.path("apiVersion").asText().startsWith("postgresql.cnpg.io/"))
                .filter(c -> secret.equals(c.path("spec").path("bootstrap").path("initdb").path("secret").path("name")
                        .asText(c.path("metadata").path("name").asText() + "-app")))
                .findFirst();
    }

    static JsonNode podSpec(ObjectNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    static Map<String, String> podLabels(ObjectNode workload) {
        Map<String, String> labels = new LinkedHashMap<>();
        Yaml.fields(workload.path("spec").path("template").path("metadata").path("labels"))
                .forEach((k, v) -> labels.put(k, v.asText()));
        return labels;
    }

    /** The container of a service's Deployment that runs the service: the one named after it, else the first. */
    static JsonNode mainContainer(ObjectNode deployment, String service) {
        List<JsonNode> containers = Yaml.elements(podSpec(deployment).path("containers"));
        return containers.stream().filter(c -> c.path("name").asText().equals(service)).findFirst()
                .orElse(containers.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : containers.get(0));
    }

    /**
     * A container's environment: every variable it gets, with its value where the manifests hold it (literal or from
     * a ConfigMap of this rendering) and null where it comes from a Secret. Variables of a Secret whose keys are
     * unknown here (an external one not documented with its keys) are not listed.
     */
    Map<String, String> environment(JsonNode container) {
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, Docs.ExternalObject> external = Docs.externalObjects();
        for (JsonNode source : Yaml.elements(container.path("envFrom"))) {
            String prefix = source.path("prefix").asText("");
            if (source.has("configMapRef")) {
                String name = source.path("configMapRef").path("name").asText();
                configMap(name).ifPresent(data -> data.forEach((k, v) -> environment.put(prefix + k, v)));
            } else if (source.has("secretRef") && !source.path("secretRef").path("optional").asBoolean(false)) {
                String name = source.path("secretRef").path("name").asText();
                Docs.ExternalObject documented = external.get("Secret/" + name);
                if (documented != null) {
                    documented.keys().forEach(k -> environment.put(prefix + k, null));
                }
            }
        }
        for (JsonNode variable : Yaml.elements(container.path("env"))) {
            String name = variable.path("name").asText();
            JsonNode from = variable.path("valueFrom");
            if (variable.has("value")) {
                environment.put(name, variable.path("value").asText());
            } else if (from.has("configMapKeyRef")) {
                JsonNode ref = from.path("configMapKeyRef");
                environment.put(name, configMap(ref.path("name").asText())
                        .map(d -> d.get(ref.path("key").asText())).orElse(null));
            } else {
                environment.put(name, null);
            }
        }
        return environment;
    }
}
