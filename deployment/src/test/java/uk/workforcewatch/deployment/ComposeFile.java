package uk.workforcewatch.deployment;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml, read as Compose reads it when no variable is set: every {@code ${VAR:-default}} becomes its
 * default, so the checks see what a plain {@code docker compose up} runs.
 */
final class ComposeFile {

    private static final Pattern INTERPOLATION =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** A port published on the host: the host address (empty for all), the host port, the container port. */
    record PublishedPort(String hostIp, String hostPort, String containerPort) {
    }

    /** A mount: its source as written (before interpolation), the source and target, read-only or not. */
    record Mount(String rawSource, String source, String target, boolean readOnly, String type) {
    }

    final Path file;
    final JsonNode root;

    ComposeFile(Path file) {
        this.file = file;
        this.root = Yaml.read(file);
    }

    static ComposeFile load() {
        return new ComposeFile(Repository.path("docker-compose.yml"));
    }

    Map<String, JsonNode> services() {
        return Yaml.fields(root.path("services"));
    }

    JsonNode service(String name) {
        return root.path("services").path(name);
    }

    /** A value as Compose sees it with no variables set. */
    static String interpolate(String value) {
        Matcher matcher = INTERPOLATION.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group().equals("$$")) {
                replacement = "$";
            } else if (matcher.group(2) == null) {
                replacement = "";
            } else if (matcher.group(2).endsWith("-")) {
                replacement = interpolate(matcher.group(3));
            } else {
                replacement = "";
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The variables used without a default ({@code ${VAR}}, {@code $VAR}, {@code ${VAR:?message}}). */
    static List<String> variablesWithoutDefault(String value) {
        List<String> found = new ArrayList<>();
        Matcher matcher = INTERPOLATION.matcher(value);
        while (matcher.find()) {
            if (matcher.group(4) != null) {
                found.add(matcher.group(4));
            } else if (matcher.group(1) != null && (matcher.group(2) == null || !matcher.group(2).endsWith("-"))) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    /** A service's environment, interpolated; the map and the list ({@code NAME=value}) forms both. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            Yaml.fields(node).forEach((name, value) -> environment.put(name, value.isNull() ? null : interpolate(value.asText())));
        } else {
            for (JsonNode entry : Yaml.elements(node)) {
                String text = entry.asText();
                int equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals),
                        equals < 0 ? null : interpolate(text.substring(equals + 1)));
            }
        }
        return environment;
    }

    /** The same, before interpolation. */
    static Map<String, String> rawEnvironment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            Yaml.fields(node).forEach((name, value) -> environment.put(name, value.isNull() ? null : value.asText()));
        } else {
            for (JsonNode entry : Yaml.elements(node)) {
                String text = entry.asText();
                int equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
        }
        return environment;
    }

    /** The ports a service publishes on the host, in the short ({@code [ip:]host:container}) or the long form. */
    static List<PublishedPort> publishedPorts(JsonNode service) {
        List<PublishedPort> ports = new ArrayList<>();
        for (JsonNode port : Yaml.elements(service.path("ports"))) {
            if (port.isObject()) {
                if (port.hasNonNull("published")) {
                    ports.add(new PublishedPort(interpolate(port.path("host_ip").asText("")),
                            interpolate(port.path("published").asText()), interpolate(port.path("target").asText())));
                }
                continue;
            }
            String text = interpolate(port.asText()).replaceAll("/(tcp|udp)$", "");
            int last = text.lastIndexOf(':');
            if (last < 0) {
                continue; // only a container port: Docker picks a free host port
            }
            String container = text.substring(last + 1);
            String hostPart = text.substring(0, last);
            int ipEnd = hostPart.lastIndexOf(':');
            ports.add(ipEnd < 0 ? new PublishedPort("", hostPart, container)
                    : new PublishedPort(hostPart.substring(0, ipEnd), hostPart.substring(ipEnd + 1), container));
        }
        return ports;
    }

    /** A service's mounts, in the short ({@code source:target[:ro]}) or the long form. */
    static List<Mount> mounts(JsonNode service) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode volume : Yaml.elements(service.path("volumes"))) {
            if (volume.isObject()) {
                String raw = volume.path("source").asText("");
                mounts.add(new Mount(raw, interpolate(raw), volume.path("target").asText(),
                        volume.path("read_only").asBoolean(false), volume.path("type").asText("volume")));
                continue;
            }
            String raw = volume.asText();
            // the source may hold an interpolation with a colon (${X:-./y}): split after it
            int sourceEnd = raw.startsWith("${") ? raw.indexOf(':', raw.indexOf('}')) : raw.indexOf(':');
            if (sourceEnd < 0) {
                mounts.add(new Mount("", "", raw, false, "volume"));
                continue;
            }
            String rawSource = raw.substring(0, sourceEnd);
            String[] rest = raw.substring(sourceEnd + 1).split(":");
            String source = interpolate(rawSource);
            boolean path = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
            mounts.add(new Mount(rawSource, source, rest[0], rest.length > 1 && List.of(rest[1].split(",")).contains("ro"),
                    path ? "bind" : "volume"));
        }
        return mounts;
    }
}
