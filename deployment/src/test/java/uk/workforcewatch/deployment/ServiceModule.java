package uk.workforcewatch.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A service of the system, as its {@code application.properties} describes it: the environment variables it reads,
 * which of them a deployment must set, its HTTP port, the topics it names.
 */
record ServiceModule(String name, Path dir, Properties properties) {

    /** How an environment variable looks; a placeholder of any other shape refers to another property. */
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern LOCAL_HOST = Pattern.compile("(?i)\\b(localhost|127\\.0\\.0\\.1)\\b|\\[::1]");

    /** A {@code ${NAME}} or {@code ${NAME:default}} in the value of {@code property}. */
    record Placeholder(String name, Optional<String> defaultValue, String property) {
    }

    /**
     * A variable a deployment must set, with the properties it feeds (setting each of those properties through its
     * own environment variable, such as {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}, does as well) and why it is needed.
     */
    record NeededVariable(String name, Set<String> properties, String why) {

        boolean isSetIn(Collection<String> environment) {
            return environment.contains(name)
                    || properties.stream().allMatch(p -> environment.contains(environmentName(p)));
        }

        /** What is set in its place, for messages. */
        String alternatives() {
            return properties.stream().map(ServiceModule::environmentName).reduce((a, b) -> a + " and " + b).orElse("");
        }
    }

    /** The properties of the profile a deployment runs: the unprofiled ones, overridden by {@code %prod.} ones. */
    Map<String, String> activeProperties() {
        Map<String, String> active = new TreeMap<>();
        Map<String, String> prod = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                active.put(key, properties.getProperty(key));
            } else {
                int dot = key.indexOf('.');
                List<String> profiles = List.of(key.substring(1, dot).split(","));
                if (profiles.contains("prod")) {
                    prod.put(key.substring(dot + 1), properties.getProperty(key));
                }
            }
        }
        active.putAll(prod);
        return active;
    }

    /** Every placeholder of the active properties, those nested in defaults included. */
    List<Placeholder> placeholders() {
        List<Placeholder> found = new ArrayList<>();
        activeProperties().forEach((key, value) -> collect(key, value, found));
        return found;
    }

    /**
     * The environment variables a deployment must set. A placeholder {@code ${NAME:default}} is needed when it has
     * no default; when its default points at localhost (inside a container or a pod that is the container itself,
     * never the database or the broker); when it is one of the JWT settings (the key and issuer of a real
     * deployment are never the development ones); and when it is a credential ({@code *_USER}, {@code *_PASSWORD}:
     * the defaults are for a developer's machine only). Placeholders that are not shaped like environment variables
     * ({@code ${quarkus.uuid}}) refer to other properties and are left out.
     */
    List<NeededVariable> neededVariables() {
        Map<String, Set<String>> fed = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        for (Placeholder placeholder : placeholders()) {
            String name = placeholder.name();
            if (!ENVIRONMENT_VARIABLE.matcher(name).matches()) {
                continue;
            }
            String reason = null;
            if (placeholder.defaultValue().isEmpty()) {
                reason = "it has no default";
            } else if (LOCAL_HOST.matcher(placeholder.defaultValue().get()).find()) {
                reason = "its default points at localhost";
            } else if (name.startsWith("JWT_")) {
                reason = "it is a JWT setting";
            } else if (name.endsWith("_PASSWORD") || name.endsWith("_USER")) {
                reason = "it is a credential";
            }
            if (reason != null) {
                fed.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(placeholder.property());
                why.putIfAbsent(name, reason);
            }
        }
        List<NeededVariable> needed = new ArrayList<>();
        fed.forEach((name, props) -> needed.add(new NeededVariable(name, Set.copyOf(props), why.get(name))));
        return needed;
    }

    /** The variable that sets the HTTP port ({@code ${X_HTTP_PORT:8082}} in {@code quarkus.http.port}), if any. */
    Optional<Placeholder> httpPortPlaceholder() {
        return placeholders().stream().filter(p -> p.property().equals("quarkus.http.port")).findFirst();
    }

    /** The port the service listens on when nothing overrides it. */
    int defaultHttpPort() {
        String value = activeProperties().getOrDefault("quarkus.http.port", "8080");
        return httpPortPlaceholder().map(p -> Integer.parseInt(p.defaultValue().orElseThrow()))
                .orElseGet(() -> Integer.parseInt(value));
    }

    /** The port the service listens on with the given environment (a lookup that answers null when unset). */
    int httpPort(Function<String, String> environment) {
        String fromQuarkus = environment.apply("QUARKUS_HTTP_PORT");
        if (fromQuarkus != null) {
            return Integer.parseInt(fromQuarkus.trim());
        }
        Optional<String> variable = httpPortPlaceholder().map(Placeholder::name);
        String value = variable.map(environment).orElse(null);
        return value == null ? defaultHttpPort() : Integer.parseInt(value.trim());
    }

    /** The Kafka topics the configuration names: channels' topics and dead-letter topics. */
    Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        activeProperties().forEach((key, value) -> {
            if (key.endsWith(".topic")) {
                for (String topic : value.split(",")) {
                    if (!topic.isBlank() && !topic.contains("${")) {
                        topics.add(topic.trim());
                    }
                }
            }
        });
        return topics;
    }

    /** The environment variable MicroProfile Config reads for a property: {@code a.b-c} is {@code A_B_C}. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static void collect(String property, String value, List<Placeholder> into) {
        int from = 0;
        while (true) {
            int start = value.indexOf("${", from);
            if (start < 0) {
                return;
            }
            int depth = 0;
            int end = -1;
            for (int i = start; i < value.length(); i++) {
                if (value.startsWith("${", i)) {
                    depth++;
                    i++;
                } else if (value.charAt(i) == '}' && --depth == 0) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                throw new IllegalStateException("unclosed placeholder in " + property + "=" + value);
            }
            String inside = value.substring(start + 2, end);
            int colon = inside.indexOf(':');
            if (colon < 0) {
                into.add(new Placeholder(inside, Optional.empty(), property));
            } else {
                String defaultValue = inside.substring(colon + 1);
                into.add(new Placeholder(inside.substring(0, colon), Optional.of(defaultValue), property));
                collect(property, defaultValue, into);
            }
            from = end + 1;
        }
    }
}
