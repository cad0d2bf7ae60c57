package uk.workforcewatch.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** docker-compose.yml: the whole system, wired as the services' own configuration expects. */
class ComposeFileTest {

    private static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";
    private static final Pattern LOCAL_HOST = Pattern.compile("(?i)\\b(localhost|127\\.0\\.0\\.1)\\b");
    private static final Pattern DATABASE_URL = Pattern.compile("postgresql://([^/:?]+)(?::\\d+)?/([^?/]+)");

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void everyServiceOfTheSystemIsBuiltFromItsDockerfile() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : Repository.services()) {
            JsonNode service = compose.service(module.name());
            if (service.isMissingNode()) {
                problems.add("no compose service " + module.name() + " (a module of the root pom with a quarkus.application.name)");
                continue;
            }
            JsonNode build = service.path("build");
            String context = build.isTextual() ? build.asText() : build.path("context").asText(null);
            String dockerfile = build.path("dockerfile").asText("Dockerfile");
            if (context == null) {
                problems.add(module.name() + ": not built here (no build.context)");
                continue;
            }
            Path contextDir = compose.file.getParent().resolve(ComposeFile.interpolate(context)).normalize();
            if (!contextDir.equals(module.dir())) {
                problems.add(module.name() + ": built from " + contextDir + ", not its module " + module.dir());
            }
            if (!dockerfile.equals(DOCKERFILE) || !Files.isRegularFile(contextDir.resolve(dockerfile))) {
                problems.add(module.name() + ": its dockerfile should be " + DOCKERFILE + " and exist, not " + dockerfile);
            }
            String image = ComposeFile.interpolate(service.path("image").asText(""));
            if (!image.matches("workforce-watch/" + Pattern.quote(module.name()) + ":[A-Za-z0-9._-]+")) {
                problems.add(module.name() + ": image " + image + " is not workforce-watch/" + module.name() + ":<tag>");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyVariableAServiceNeedsIsSetAndPointsAtAContainer() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : Repository.services()) {
            JsonNode service = compose.service(module.name());
            Map<String, String> environment = ComposeFile.environment(service);
            for (ServiceModule.NeededVariable needed : module.neededVariables()) {
                if (!needed.isSetIn(environment.keySet())) {
                    problems.add(module.name() + ": " + needed.name() + " is not set (" + needed.why() + ")");
                    continue;
                }
                String value = environment.get(needed.name());
                if (value != null && value.isBlank()) {
                    problems.add(module.name() + ": " + needed.name() + " is empty when no variable is given");
                } else if (value != null && LOCAL_HOST.matcher(value).find()) {
                    problems.add(module.name() + ": " + needed.name() + "=" + value
                            + " points at the container itself, not at another container");
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void theServicesWaitForTheContainersTheirAddressesName() {
        List<String> problems = new ArrayList<>();
        Set<String> names = compose.services().keySet();
        for (ServiceModule module : Repository.services()) {
            JsonNode service = compose.service(module.name());
            Map<String, JsonNode> dependsOn = Yaml.fields(service.path("depends_on"));
            ComposeFile.environment(service).forEach((name, value) -> {
                for (String host : hosts(value == null ? "" : value)) {
                    if (names.contains(host) && !dependsOn.containsKey(host)) {
                        problems.add(module.name() + ": " + name + " names the container " + host
                                + ", which it does not wait for (depends_on)");
                    }
                }
            });
            if (dependsOn.isEmpty()) {
                problems.add(module.name() + ": waits for nothing; its database and Kafka must be healthy first");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyContainerHasAHealthcheck() {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            JsonNode healthcheck = service.path("healthcheck");
            JsonNode test = healthcheck.path("test");
            boolean empty = test.isMissingNode() || test.isNull() || (test.isArray() && test.size() < 2)
                    || (test.isTextual() && test.asText().isBlank());
            if (empty || healthcheck.path("disable").asBoolean(false)
                    || (test.isArray() && test.get(0).asText().equals("NONE"))) {
                problems.add(name + ": no healthcheck");
            }
        });
        for (ServiceModule module : Repository.services()) {
            JsonNode service = compose.service(module.name());
            String test = service.path("healthcheck").path("test").toString();
            Map<String, String> environment = ComposeFile.environment(service);
            int port = module.httpPort(environment::get);
            if (!test.contains("/q/health/ready") && !test.contains("/q/health/live")) {
                problems.add(module.name() + ": the healthcheck does not ask /q/health/ready");
            }
            if (!test.contains(String.valueOf(port))) {
                problems.add(module.name() + ": the healthcheck does not ask port " + port + ", where the service listens");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyDependencyWaitsUntilTheOtherIsHealthy() {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            JsonNode dependsOn = service.path("depends_on");
            if (dependsOn.isArray()) {
                problems.add(name + ": depends_on as a list only waits for the start; name each with condition: service_healthy");
                return;
            }
            Yaml.fields(dependsOn).forEach((other, condition) -> {
                if (!"service_healthy".equals(condition.path("condition").asText())) {
                    problems.add(name + " -> " + other + ": condition is not service_healthy");
                }
                if (compose.service(other).isMissingNode()) {
                    problems.add(name + " -> " + other + ": no such service");
                } else if (compose.service(other).path("healthcheck").path("test").isMissingNode()) {
                    problems.add(name + " -> " + other + ": waits for a health that " + other + " never reports");
                }
            });
        });
        assertNoProblems(problems);
    }

    @Test
    void publishedHostPortsAreUniqueAndTheGatewayIsPublished() {
        Map<String, String> owners = new HashMap<>();
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            for (ComposeFile.PublishedPort port : ComposeFile.publishedPorts(service)) {
                String previous = owners.put(port.hostPort(), name);
                if (previous != null) {
                    problems.add("host port " + port.hostPort() + " is published by " + previous + " and " + name);
                }
            }
        });
        ServiceModule gateway = Repository.service("gateway");
        JsonNode service = compose.service("gateway");
        String port = String.valueOf(gateway.httpPort(ComposeFile.environment(service)::get));
        if (ComposeFile.publishedPorts(service).stream().noneMatch(p -> p.containerPort().equals(port))) {
            problems.add("gateway: its port " + port + " is not published for users");
        }
        assertNoProblems(problems);
    }

    @Test
    void namedVolumesAreDeclaredAndTheDataOfPostgresAndKafkaLivesInThem() {
        List<String> problems = new ArrayList<>();
        Set<String> declared = Yaml.fields(compose.root.path("volumes")).keySet();
        compose.services().forEach((name, service) -> {
            for (ComposeFile.Mount mount : ComposeFile.mounts(service)) {
                if (mount.type().equals("volume") && !mount.source().isEmpty() && !declared.contains(mount.source())) {
                    problems.add(name + ": the volume " + mount.source() + " is not declared under volumes:");
                }
                if (mount.type().equals("bind") && !mount.source().contains(".local")
                        && !Files.exists(compose.file.getParent().resolve(mount.source()))) {
                    problems.add(name + ": mounts " + mount.source() + ", which does not exist");
                }
            }
        });
        JsonNode postgres = serviceWithImage("postgres");
        if (!mountsNamedVolumeAt(postgres, "/var/lib/postgresql/data")) {
            problems.add("postgres: /var/lib/postgresql/data is not a named volume");
        }
        JsonNode kafka = serviceWithImage("apache/kafka");
        String logDirs = ComposeFile.environment(kafka).getOrDefault("KAFKA_LOG_DIRS", "/tmp/kraft-combined-logs");
        if (!mountsNamedVolumeAt(kafka, logDirs)) {
            problems.add("kafka: its log directory " + logDirs + " (KAFKA_LOG_DIRS) is not a named volume");
        }
        assertNoProblems(problems);
    }

    @Test
    void postgresCreatesEveryServicesDatabaseWithTheCredentialsTheServiceUses() {
        List<String> problems = new ArrayList<>();
        JsonNode postgres = serviceWithImage("postgres");
        String postgresName = nameOf(postgres);
        ComposeFile.Mount init = ComposeFile.mounts(postgres).stream()
                .filter(m -> m.target().equals("/docker-entrypoint-initdb.d")).findFirst().orElse(null);
        if (init == null) {
            fail("postgres: nothing is mounted at /docker-entrypoint-initdb.d to create the databases");
        }
        assertTrue(init.readOnly(), "the init scripts are mounted read-only");
        Path scripts = compose.file.getParent().resolve(init.source()).normalize();
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(scripts)) {
            files.filter(f -> f.toString().endsWith(".sh") || f.toString().endsWith(".sql")).sorted()
                    .forEach(f -> text.append(Repository.read(f)).append('\n'));
        } catch (Exception e) {
            fail("cannot read the init scripts in " + scripts + ": " + e);
        }
        Map<String, String> postgresEnvironment = ComposeFile.rawEnvironment(postgres);
        for (ServiceModule module : Repository.services()) {
            JsonNode service = compose.service(module.name());
            Map<String, String> raw = ComposeFile.rawEnvironment(service);
            ComposeFile.environment(service).forEach((name, value) -> {
                Matcher url = DATABASE_URL.matcher(value == null ? "" : value);
                if (url.find() && url.group(1).equals(postgresName)) {
                    Pattern created = Pattern.compile("(?i)(create_database|CREATE DATABASE)\\s+\"?" + Pattern.quote(url.group(2)) + "\\b");
                    if (!created.matcher(text).find()) {
                        problems.add(module.name() + ": " + name + " names the database " + url.group(2)
                                + ", which the init scripts in " + init.source() + " do not create");
                    }
                }
                if ((name.endsWith("_DB_USER") || name.endsWith("_DB_PASSWORD"))
                        && !raw.get(name).equals(postgresEnvironment.get(name))) {
                    problems.add(module.name() + ": " + name + " is " + raw.get(name) + " but the postgres container, whose"
                            + " init script creates the role, has " + postgresEnvironment.get(name));
                }
            });
        }
        assertNoProblems(problems);
    }

    @Test
    void kafkaIsOneKraftNodeWithItsInternalTopicsReplicatedOnce() {
        Map<String, String> environment = ComposeFile.environment(serviceWithImage("apache/kafka"));
        List<String> roles = List.of(environment.getOrDefault("KAFKA_PROCESS_ROLES", "").split(","));
        assertTrue(roles.contains("broker") && roles.contains("controller"),
                "kafka runs as broker and controller in one (KRaft): KAFKA_PROCESS_ROLES=" + roles);
        for (String variable : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            assertEquals("1", environment.get(variable), variable + " on a single node");
        }
    }

    @Test
    void theServicesReadThePublicKeyFromTheKeyFolderMountedReadOnly() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : Repository.services()) {
            JsonNode service = compose.service(module.name());
            String location = ComposeFile.environment(service).get("JWT_PUBLIC_KEY_LOCATION");
            if (location == null) {
                problems.add(module.name() + ": JWT_PUBLIC_KEY_LOCATION is not set");
                continue;
            }
            boolean mounted = ComposeFile.mounts(service).stream().anyMatch(m -> m.rawSource().contains("JWT_KEYS_DIR")
                    && m.source().equals("./.local/jwt") && m.readOnly() && location.startsWith(m.target() + "/"));
            if (!mounted) {
                problems.add(module.name() + ": " + location + " is not in a read-only mount of ${JWT_KEYS_DIR:-./.local/jwt}");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyVariableHasADefaultSoThatComposeRunsWithNoneSet() {
        List<String> problems = new ArrayList<>();
        walk(compose.root, "", (path, text) -> {
            for (String variable : ComposeFile.variablesWithoutDefault(text)) {
                problems.add(path + ": ${" + variable + "} has no default");
            }
        });
        assertNoProblems(problems);
    }

    private JsonNode serviceWithImage(String image) {
        return compose.services().values().stream()
                .filter(s -> s.path("image").asText().startsWith(image + ":")).findFirst()
                .orElseThrow(() -> new AssertionError("no container of the official image " + image));
    }

    private String nameOf(JsonNode service) {
        return compose.services().entrySet().stream().filter(e -> e.getValue() == service).findFirst().orElseThrow().getKey();
    }

    private static boolean mountsNamedVolumeAt(JsonNode service, String target) {
        return ComposeFile.mounts(service).stream().anyMatch(m -> m.type().equals("volume") && m.target().equals(target)
                && !m.source().isEmpty());
    }

    /** The host names in a URL or a comma-separated list of host:port. */
    private static List<String> hosts(String value) {
        List<String> hosts = new ArrayList<>();
        for (String part : value.split(",")) {
            String text = part.trim().replaceFirst("^jdbc:", "");
            if (text.contains("://")) {
                try {
                    String host = URI.create(text).getHost();
                    if (host != null) {
                        hosts.add(host);
                    }
                } catch (IllegalArgumentException e) {
                    // not a URL after all
                }
            } else if (text.matches("[A-Za-z0-9.-]+:\\d+")) {
                hosts.add(text.substring(0, text.indexOf(':')));
            }
        }
        return hosts;
    }

    private static void walk(JsonNode node, String path, java.util.function.BiConsumer<String, String> visitor) {
        if (node.isTextual()) {
            visitor.accept(path, node.asText());
        }
        Yaml.fields(node).forEach((name, child) -> walk(child, path + "/" + name, visitor));
        List<JsonNode> elements = Yaml.elements(node);
        for (int i = 0; i < elements.size(); i++) {
            walk(elements.get(i), path + "/" + i, visitor);
        }
    }

    static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }
}
