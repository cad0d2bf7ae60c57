package uk.workforcewatch.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.workforcewatch.deployment.ComposeFileTest.assertNoProblems;

/**
 * The Kubernetes manifests of every overlay, rendered (with kubectl kustomize where it is installed, else with the
 * built-in renderer), checked against the services' own configuration and the README.
 */
class KubernetesManifestsTest {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");
    private static final Pattern LOCAL_HOST = Pattern.compile("(?i)\\b(localhost|127\\.0\\.0\\.1)\\b");
    private static final Pattern DATABASE_URL = Pattern.compile("postgresql://([^/:?]+)(?::\\d+)?/([^?/]+)");
    private static final Pattern CLUSTER_SERVICE = Pattern.compile("(.+)-(rw|ro|r)");

    static Stream<String> overlays() throws IOException {
        try (var dirs = Files.list(Repository.path("k8s/overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void thereAreADevAndAProdOverlayOverOneBase() throws IOException {
        assertEquals(List.of("dev", "prod"), overlays().toList());
        assertTrue(Files.isRegularFile(Repository.path("k8s/base/kustomization.yaml")), "k8s/base/kustomization.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceHasADeploymentAndAService(String overlay) {
        Rendering rendering = Rendering.of(overlay);
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : Repository.services()) {
            if (rendering.find("Deployment", module.name()).isEmpty()) {
                problems.add("no Deployment " + module.name());
            }
            if (rendering.find("Service", module.name()).isEmpty()) {
                problems.add("no Service " + module.name());
            }
        }
        assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void probesAskTheHealthEndpointsOnThePortTheServiceListensOn(String overlay) {
        Rendering rendering = Rendering.of(overlay);
        List<String> problems = new ArrayList<>();
        for (Deployed deployed : deployed(rendering)) {
            ServiceModule module = deployed.module();
            JsonNode container = deployed.container();
            Map<String, String> environment = rendering.environment(container);
            int port = module.httpPort(environment::get);
            if (containerPorts(container).values().stream().noneMatch(p -> p == port)) {
                problems.add(module.name() + ": the service listens on " + port + ", which is no containerPort of "
                        + containerPorts(container));
            }
            Map<String, String> expected = Map.of("livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");
            expected.forEach((probe, path) -> {
                JsonNode get = container.path(probe).path("httpGet");
                if (!path.equals(get.path("path").asText())) {
                    problems.add(module.name() + ": " + probe + " does not ask " + path);
                }
            });
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                JsonNode get = container.path(probe).path("httpGet");
                if (!get.isMissingNode() && resolvePort(container, get.path("port")).orElse(-1) != port) {
                    problems.add(module.name() + ": " + probe + " asks port " + get.path("port").asText()
                            + ", not the service's " + port);
                }
            }
        }
        assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerRequestsAndLimitsCpuAndMemory(String overlay) {
        List<String> problems = new ArrayList<>();
        forEachContainer(Rendering.of(overlay), (workload, container) -> {
            JsonNode resources = container.path("resources");
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (!resources.path(bound).hasNonNull(resource)) {
                        problems.add(Yaml.describe(workload) + " " + container.path("name").asText() + ": no " + bound
                                + "." + resource);
                    }
                }
            }
            long request = bytes(resources.path("requests").path("memory").asText("0"));
            long limit = bytes(resources.path("limits").path("memory").asText("0"));
            if (limit < request) {
                problems.add(Yaml.describe(workload) + ": memory limit below its request");
            }
        });
        assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void containersRunAsNonRootOnAReadOnlyFileSystemWithoutPrivileges(String overlay) {
        List<String> problems = new ArrayList<>();
        forEachContainer(Rendering.of(overlay), (workload, container) -> {
            JsonNode pod = Rendering.podSpec(workload).path("securityContext");
            JsonNode own = container.path("securityContext");
            String name = Yaml.describe(workload) + " " + container.path("name").asText() + ": ";
            if (!effective(own, pod, "runAsNonRoot").map(JsonNode::asBoolean).orElse(false)) {
                problems.add(name + "runAsNonRoot is not true");
            }
            if (effective(own, pod, "runAsUser").map(JsonNode::asLong).orElse(-1L) == 0) {
                problems.add(name + "runs as user 0");
            }
            if (!own.path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(name + "readOnlyRootFilesystem is not true");
            }
            if (own.path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(name + "allowPrivilegeEscalation is not false");
            }
            if (own.path("privileged").asBoolean(false)) {
                problems.add(name + "is privileged");
            }
            if (Yaml.elements(own.path("capabilities").path("drop")).stream().noneMatch(c -> c.asText().equals("ALL"))) {
                problems.add(name + "does not drop ALL capabilities");
            }
            if (!Yaml.elements(own.path("capabilities").path("add")).isEmpty()) {
                problems.add(name + "adds capabilities");
            }
            String seccomp = effective(own, pod, "seccompProfile").map(s -> s.path("type").asText()).orElse("");
            if (!seccomp.equals("RuntimeDefault")) {
                problems.add(name + "seccompProfile is not RuntimeDefault");
            }
            Optional<String> tmp = Yaml.elements(container.path("volumeMounts")).stream()
                    .filter(m -> m.path("mountPath").asText().equals("/tmp")).map(m -> m.path("name").asText()).findFirst();
            boolean emptyDir = tmp.isPresent() && Yaml.elements(Rendering.podSpec(workload).path("volumes")).stream()
                    .anyMatch(v -> v.path("name").asText().equals(tmp.get()) && v.has("emptyDir"));
            if (!emptyDir) {
                problems.add(name + "has no emptyDir on /tmp, the only place the JVM may write");
            }
        });
        assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void eachServiceSelectsItsDeploymentsPodsAndTargetsAContainerPort(String overlay) {
        Rendering rendering = Rendering.of(overlay);
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : Repository.services()) {
            Optional<ObjectNode> service = rendering.find("Service", module.name());
            Optional<ObjectNode> deployment = rendering.find("Deployment", module.name());
            if (service.isEmpty() || deployment.isEmpty()) {
                continue;
            }
            Map<String, JsonNode> selector = Yaml.fields(service.get().path("spec").path("selector"));
            if (selector.isEmpty()) {
                problems.add("Service " + module.name() + ": no selector");
                continue;
            }
            for (ObjectNode other : rendering.all("Deployment")) {
                Map<String, String> labels = Rendering.podLabels(other);
                boolean selects = selector.entrySet().stream()
                        .allMatch(e -> e.getValue().asText().equals(labels.get(e.getKey())));
                boolean own = other == deployment.get();
                if (own && !selects) {
                    problems.add("Service " + module.name() + ": its selector " + text(selector) + " misses the pods " + labels);
                } else if (!own && selects) {
                    problems.add("Service " + module.name() + ": its selector also picks the pods of " + Yaml.describe(other));
                }
            }
            JsonNode container = Rendering.mainContainer(deployment.get(), module.name());
            List<JsonNode> ports = Yaml.elements(service.get().path("spec").path("ports"));
            if (ports.isEmpty()) {
                problems.add("Service " + module.name() + ": no ports");
            }
            for (JsonNode port : ports) {
                JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
                if (resolvePort(container, target).isEmpty()) {
                    problems.add("Service " + module.name() + ": targetPort " + target.asText() + " is no port of the container");
                }
            }
        }
        assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyConfigMapAndSecretReferencedIsDefinedCreatedByAnOperatorOrDocumented(String overlay) {
        Rendering rendering = Rendering.of(overlay);
        Map<String, Docs.ExternalObject> external = Docs.externalObjects();
        List<String> problems = new ArrayList<>();
        for (ObjectNode workload : workloads(rendering)) {
            JsonNode pod = Rendering.podSpec(workload);
            List<JsonNode> containers = new ArrayList<>(Yaml.elements(pod.path("containers")));
            containers.addAll(Yaml.elements(pod.path("initContainers")));
            for (JsonNode container : containers) {
                for (JsonNode source : Yaml.elements(container.path("envFrom"))) {
                    if (source.has("configMapRef")) {
                        check(rendering, external, problems, workload, "ConfigMap", source.path("configMapRef").path("name").asText(), null);
                    }
                    if (source.has("secretRef")) {
                        check(rendering, external, problems, workload, "Secret", source.path("secretRef").path("name").asText(), null);
                    }
                }
                for (JsonNode variable : Yaml.elements(container.path("env"))) {
                    JsonNode from = variable.path("valueFrom");
                    if (from.has("configMapKeyRef")) {
                        check(rendering, external, problems, workload, "ConfigMap", from.path("configMapKeyRef").path("name").asText(),
                                from.path("configMapKeyRef").path("key").asText());
                    }
                    if (from.has("secretKeyRef")) {
                        check(rendering, external, problems, workload, "Secret", from.path("secretKeyRef").path("name").asText(),
                                from.path("secretKeyRef").path("key").asText());
                    }
                }
            }
            List<JsonNode> volumes = new ArrayList<>();
            for (JsonNode volume : Yaml.elements(pod.path("volumes"))) {
                volumes.add(volume);
                volumes.addAll(Yaml.elements(volume.path("projected").path("sources")));
            }
            for (JsonNode volume : volumes) {
                if (volume.has("configMap")) {
                    String name = volume.path("configMap").path("name").asText();
                    List<JsonNode> items = Yaml.elements(volume.path("configMap").path("items"));
                    if (items.isEmpty()) {
                        check(rendering, external, problems, workload, "ConfigMap", name, null);
                    }
                    items.forEach(i -> check(rendering, external, problems, workload, "ConfigMap", name, i.path("key").asText()));
                }
                if (volume.has("secret")) {
                    String name = volume.path("secret").path("secretName").asText(volume.path("secret").path("name").asText());
                    List<JsonNode> items = Yaml.elements(volume.path("secret").path("items"));
                    if (items.isEmpty()) {
                        check(rendering, external, problems, workload, "Secret", name, null);
                    }
                    items.forEach(i -> check(rendering, external, problems, workload, "Secret", name, i.path("key").asText()));
                }
            }
        }
        assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noSecretIsCommitted(String overlay) {
        List<String> secrets = Rendering.of(overlay).all("Secret").stream().map(Yaml::describe).toList();
        assertTrue(secrets.isEmpty(), "Secrets are created in the cluster (k8s/README.md), never committed: " + secrets);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceGetsTheVariablesItNeeds(String overlay) {
        Rendering rendering = Rendering.of(overlay);
        List<String> problems = new ArrayList<>();
        for (Deployed deployed : deployed(rendering)) {
            ServiceModule module = deployed.module();
            Map<String, String> environment = rendering.environment(deployed.container());
            for (ServiceModule.NeededVariable needed : module.neededVariables()) {
                if (!needed.isSetIn(environment.keySet())) {
                    problems.add(module.name() + ": neither " + needed.name() + " nor " + needed.alternatives()
                            + " is set (" + needed.why() + ")");
                    continue;
                }
                String value = environment.get(needed.name());
                if (value != null && (value.isBlank() || LOCAL_HOST.matcher(value).find())) {
                    problems.add(module.name() + ": " + needed.name() + "=" + value + " is empty or points at the pod itself");
                }
            }
        }
        assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void databaseAddressesAndCredentialsAreOfTheSameCloudNativePgCluster(String overlay) {
        Rendering rendering = Rendering.of(overlay);
        List<String> problems = new ArrayList<>();
        for (Deployed deployed : deployed(rendering)) {
            ServiceModule module = deployed.module();
            JsonNode container = deployed.container();
            Set<String> clusters = new LinkedHashSet<>();
            rendering.environment(container).forEach((name, value) -> {
                Matcher url = DATABASE_URL.matcher(value == null ? "" : value);
                if (!url.find()) {
                    return;
                }
                Matcher service = CLUSTER_SERVICE.matcher(url.group(1).split("\\.")[0]);
                if (!service.matches()) {
                    return; // a database outside the cluster: see k8s/README.md
                }
                Optional<ObjectNode> cluster = rendering.find("Cluster", service.group(1));
                if (cluster.isEmpty()) {
                    problems.add(module.name() + ": " + name + " names " + url.group(1) + ", but there is no Cluster " + service.group(1));
                    return;
                }
                clusters.add(service.group(1));
                String database = cluster.get().path("spec").path("bootstrap").path("initdb").path("database").asText("app");
                if (!database.equals(url.group(2))) {
                    problems.add(module.name() + ": " + name + " names the database " + url.group(2) + ", but the Cluster "
                            + service.group(1) + " creates " + database);
                }
            });
            for (JsonNode variable : Yaml.elements(container.path("env"))) {
                String secret = variable.path("valueFrom").path("secretKeyRef").path("name").asText("");
                rendering.clusterOfAppSecret(secret).ifPresent(cluster -> {
                    String name = cluster.path("metadata").path("name").asText();
                    if (!clusters.isEmpty() && !clusters.contains(name)) {
                        problems.add(module.name() + ": " + variable.path("name").asText() + " comes from " + secret
                                + ", but the database URLs name the cluster(s) " + clusters);
                    }
                });
            }
            if (clusters.size() > 1) {
                problems.add(module.name() + ": its database URLs name several clusters " + clusters);
            }
        }
        assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theConnectionPoolsOfEveryReplicaFitTheirDatabase(String overlay) {
        Rendering rendering = Rendering.of(overlay);
        Map<String, Integer> demand = new java.util.TreeMap<>();
        Map<String, List<String>> users = new HashMap<>();
        for (Deployed deployed : deployed(rendering)) {
            ServiceModule module = deployed.module();
            Map<String, String> environment = rendering.environment(deployed.container());
            Optional<String> cluster = environment.values().stream().map(v -> DATABASE_URL.matcher(v == null ? "" : v))
                    .filter(Matcher::find).map(m -> CLUSTER_SERVICE.matcher(m.group(1).split("\\.")[0]))
                    .filter(Matcher::matches).map(m -> m.group(1)).findFirst();
            if (cluster.isEmpty()) {
                continue;
            }
            int pool = 0;
            for (String property : List.of("quarkus.datasource.jdbc.max-size", "quarkus.datasource.reactive.max-size")) {
                String value = environment.getOrDefault(ServiceModule.environmentName(property),
                        module.activeProperties().getOrDefault(property, "20"));
                pool += value.matches("\\d+") ? Integer.parseInt(value) : 20;
            }
            int replicas = rendering.all("HorizontalPodAutoscaler").stream()
                    .filter(h -> h.path("spec").path("scaleTargetRef").path("name").asText().equals(module.name()))
                    .map(h -> h.path("spec").path("maxReplicas").asInt()).findFirst()
                    .orElse(deployed.deployment().path("spec").path("replicas").asInt(1));
            demand.merge(cluster.get(), pool * replicas, Integer::sum);
            users.computeIfAbsent(cluster.get(), c -> new ArrayList<>()).add(module.name() + " " + replicas + " x " + pool);
        }
        List<String> problems = new ArrayList<>();
        demand.forEach((cluster, connections) -> rendering.find("Cluster", cluster).ifPresent(c -> {
            int max = c.path("spec").path("postgresql").path("parameters").path("max_connections").asInt(100);
            // room for the operator, replication and a person with psql
            if (connections + 10 > max) {
                problems.add("Cluster " + cluster + ": max_connections " + max + ", but " + users.get(cluster)
                        + " may open " + connections);
            }
        }));
        assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyTopicOfTheSystemIsAKafkaTopicCompactedUnlessItIsADeadLetterTopic(String overlay) {
        Rendering rendering = Rendering.of(overlay);
        Set<String> topics = new LinkedHashSet<>(Docs.topics());
        Repository.services().forEach(s -> topics.addAll(s.topics()));
        Map<String, ObjectNode> declared = new HashMap<>();
        for (ObjectNode topic : rendering.all("KafkaTopic")) {
            declared.put(topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText()), topic);
        }
        List<String> problems = new ArrayList<>();
        for (String topic : topics) {
            ObjectNode resource = declared.get(topic);
            if (resource == null) {
                problems.add("no KafkaTopic for " + topic);
                continue;
            }
            JsonNode config = resource.path("spec").path("config");
            String policy = config.path("cleanup.policy").asText("delete");
            if (topic.contains("dead-letter")) {
                if (!policy.equals("delete") || !config.has("retention.ms")) {
                    problems.add(topic + ": a dead-letter topic is cleaned by age (cleanup.policy delete, retention.ms)");
                }
            } else if (!List.of(policy.split(",")).contains("compact")) {
                problems.add(topic + ": a snapshot topic must be log-compacted, not " + policy);
            }
            String cluster = resource.path("metadata").path("labels").path("strimzi.io/cluster").asText("");
            if (rendering.find("Kafka", cluster).isEmpty()) {
                problems.add(topic + ": its strimzi.io/cluster label names no Kafka here: '" + cluster + "'");
            }
        }
        assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void kafkaIsKraftAndItsReplicationFitsItsBrokers(String overlay) {
        Rendering rendering = Rendering.of(overlay);
        List<String> problems = new ArrayList<>();
        List<ObjectNode> kafkas = rendering.all("Kafka");
        if (kafkas.size() != 1) {
            problems.add("expected one Strimzi Kafka, found " + kafkas.size());
        }
        for (ObjectNode kafka : kafkas) {
            String name = kafka.path("metadata").path("name").asText();
            Brokers brokers = brokers(rendering, name);
            if (brokers.controllers() < 1) {
                problems.add("Kafka " + name + ": no KafkaNodePool with the controller role (KRaft)");
            }
            JsonNode config = kafka.path("spec").path("kafka").path("config");
            int replication = config.path("default.replication.factor").asInt(1);
            int minIsr = config.path("min.insync.replicas").asInt(1);
            if (replication > brokers.brokers()) {
                problems.add("Kafka " + name + ": default.replication.factor " + replication + " > " + brokers.brokers() + " brokers");
            }
            if (minIsr > replication || (replication > 1 && minIsr >= replication)) {
                problems.add("Kafka " + name + ": min.insync.replicas " + minIsr + " with " + replication
                        + " replicas: one broker down would stop every write");
            }
            for (String internal : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor")) {
                if (config.path(internal).asInt(3) > brokers.brokers()) {
                    problems.add("Kafka " + name + ": " + internal + " " + config.path(internal).asInt(3) + " > "
                            + brokers.brokers() + " brokers");
                }
            }
            for (ObjectNode topic : rendering.all("KafkaTopic")) {
                int replicas = topic.path("spec").path("replicas").asInt(replication);
                if (replicas > brokers.brokers()) {
                    problems.add(Yaml.describe(topic) + ": " + replicas + " replicas on " + brokers.brokers() + " brokers");
                }
            }
            Set<String> plainPorts = new LinkedHashSet<>();
            for (JsonNode listener : Yaml.elements(kafka.path("spec").path("kafka").path("listeners"))) {
                if (!listener.path("tls").asBoolean(false) && listener.path("type").asText().equals("internal")) {
                    plainPorts.add(name + "-kafka-bootstrap:" + listener.path("port").asText());
                }
            }
            for (ObjectNode workload : workloads(rendering)) {
                for (JsonNode container : Yaml.elements(Rendering.podSpec(workload).path("containers"))) {
                    Map<String, String> environment = rendering.environment(container);
                    String bootstrap = environment.get("KAFKA_BOOTSTRAP_SERVERS");
                    if (bootstrap != null) {
                        for (String server : bootstrap.split(",")) {
                            String shortName = server.trim().replaceFirst("\\.[^:]*:", ":");
                            if (!plainPorts.contains(shortName)) {
                                problems.add(Yaml.describe(workload) + ": KAFKA_BOOTSTRAP_SERVERS " + server
                                        + " is not a plain listener of Kafka " + name + " " + plainPorts);
                            }
                        }
                    }
                    String relay = environment.get("OUTBOX_TOPIC_REPLICATION_FACTOR");
                    if (relay != null && Integer.parseInt(relay) > brokers.brokers()) {
                        problems.add(Yaml.describe(workload) + ": OUTBOX_TOPIC_REPLICATION_FACTOR " + relay + " > "
                                + brokers.brokers() + " brokers");
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void imagesAreTheServicesOwnTaggedByTheOverlay(String overlay) {
        Rendering rendering = Rendering.of(overlay);
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : Repository.services()) {
            rendering.find("Deployment", module.name()).ifPresent(deployment -> {
                String image = Rendering.mainContainer(deployment, module.name()).path("image").asText();
                Matcher matcher = Pattern.compile("workforce-watch/" + Pattern.quote(module.name()) + ":([A-Za-z0-9._-]+)").matcher(image);
                if (!matcher.matches() || matcher.group(1).equals("latest")) {
                    problems.add(module.name() + ": image " + image + " is not workforce-watch/" + module.name()
                            + ":<tag> with a tag set by the overlay");
                }
            });
        }
        assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everythingLivesInTheOverlaysNamespace(String overlay) {
        Set<String> namespaces = new LinkedHashSet<>();
        Rendering.of(overlay).objects.forEach(o -> namespaces.add(o.path("metadata").path("namespace").asText("")));
        assertEquals(1, namespaces.size(), "one namespace: " + namespaces);
        assertTrue(!namespaces.iterator().next().isEmpty(), "the overlay sets the namespace");
    }

    @Test
    void devRunsOneReplicaOfEachService() {
        Rendering dev = Rendering.of("dev");
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : Repository.services()) {
            dev.find("Deployment", module.name()).ifPresent(d -> {
                if (d.path("spec").path("replicas").asInt(1) != 1) {
                    problems.add(module.name() + ": " + d.path("spec").path("replicas").asInt() + " replicas in dev");
                }
            });
        }
        assertNoProblems(problems);
    }

    @Test
    void prodRunsThreeKafkaNodesWhereAWriteNeedsTwo() {
        Rendering prod = Rendering.of("prod");
        ObjectNode kafka = prod.all("Kafka").get(0);
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        Brokers brokers = brokers(prod, kafka.path("metadata").path("name").asText());
        assertTrue(brokers.brokers() >= 3, "at least 3 brokers in prod: " + brokers.brokers());
        assertEquals(3, config.path("default.replication.factor").asInt(), "default.replication.factor");
        assertEquals(2, config.path("min.insync.replicas").asInt(), "min.insync.replicas");
        assertEquals(3, config.path("offsets.topic.replication.factor").asInt(), "offsets.topic.replication.factor");
        assertEquals(3, config.path("transaction.state.log.replication.factor").asInt(), "transaction.state.log.replication.factor");
        assertEquals(2, config.path("transaction.state.log.min.isr").asInt(), "transaction.state.log.min.isr");
        List<String> problems = new ArrayList<>();
        for (ObjectNode topic : prod.all("KafkaTopic")) {
            int replicas = topic.path("spec").path("replicas").asInt(config.path("default.replication.factor").asInt());
            int minIsr = topic.path("spec").path("config").path("min.insync.replicas").asInt(config.path("min.insync.replicas").asInt());
            if (replicas != 3 || minIsr != 2) {
                problems.add(Yaml.describe(topic) + ": " + replicas + " replicas, min.insync.replicas " + minIsr);
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void prodRunsEveryServiceTwiceAndScalesTheGatewayWhichDrainsNeverTakeAway() {
        Rendering prod = Rendering.of("prod");
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : Repository.services()) {
            prod.find("Deployment", module.name()).ifPresent(d -> {
                if (d.path("spec").path("replicas").asInt(1) < 2) {
                    problems.add(module.name() + ": fewer than 2 replicas in prod");
                }
            });
        }
        ObjectNode gateway = prod.find("Deployment", "gateway").orElseThrow();
        List<ObjectNode> autoscalers = prod.all("HorizontalPodAutoscaler").stream()
                .filter(h -> h.path("spec").path("scaleTargetRef").path("kind").asText().equals("Deployment")
                        && h.path("spec").path("scaleTargetRef").path("name").asText().equals("gateway")).toList();
        if (autoscalers.size() != 1) {
            problems.add("expected one HorizontalPodAutoscaler of the Deployment gateway, found " + autoscalers.size());
        } else {
            JsonNode spec = autoscalers.get(0).path("spec");
            if (spec.path("minReplicas").asInt(1) < 2 || spec.path("maxReplicas").asInt() <= spec.path("minReplicas").asInt(1)) {
                problems.add("the gateway's autoscaler should keep at least 2 and allow more: " + spec);
            }
            if (Yaml.elements(spec.path("metrics")).isEmpty()) {
                problems.add("the gateway's autoscaler has no metrics");
            }
        }
        Map<String, String> labels = Rendering.podLabels(gateway);
        List<ObjectNode> budgets = prod.all("PodDisruptionBudget").stream().filter(p -> {
            Map<String, JsonNode> selector = Yaml.fields(p.path("spec").path("selector").path("matchLabels"));
            return !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> e.getValue().asText().equals(labels.get(e.getKey())));
        }).toList();
        if (budgets.size() != 1) {
            problems.add("expected one PodDisruptionBudget selecting the gateway's pods " + labels + ", found " + budgets.size());
        } else {
            JsonNode spec = budgets.get(0).path("spec");
            if (!spec.has("minAvailable") && !spec.has("maxUnavailable")) {
                problems.add("the gateway's PodDisruptionBudget sets neither minAvailable nor maxUnavailable");
            }
            if (spec.path("minAvailable").isInt() && spec.path("minAvailable").asInt() >= gateway.path("spec").path("replicas").asInt(1)) {
                problems.add("the gateway's PodDisruptionBudget would block every drain (minAvailable >= replicas)");
            }
        }
        assertNoProblems(problems);
    }

    // ---- helpers

    private record Brokers(int brokers, int controllers) {
    }

    private static Brokers brokers(Rendering rendering, String kafka) {
        int brokers = 0;
        int controllers = 0;
        for (ObjectNode pool : rendering.all("KafkaNodePool")) {
            if (!kafka.equals(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                continue;
            }
            List<String> roles = Yaml.elements(pool.path("spec").path("roles")).stream().map(JsonNode::asText).toList();
            int replicas = pool.path("spec").path("replicas").asInt();
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        return new Brokers(brokers, controllers);
    }

    private static List<ObjectNode> workloads(Rendering rendering) {
        return rendering.objects.stream().filter(o -> WORKLOADS.contains(o.path("kind").asText())).toList();
    }

    private static void forEachContainer(Rendering rendering, java.util.function.BiConsumer<ObjectNode, JsonNode> check) {
        for (ObjectNode workload : workloads(rendering)) {
            JsonNode pod = Rendering.podSpec(workload);
            Yaml.elements(pod.path("initContainers")).forEach(c -> check.accept(workload, c));
            Yaml.elements(pod.path("containers")).forEach(c -> check.accept(workload, c));
        }
    }

    private static Map<String, Integer> containerPorts(JsonNode container) {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        for (JsonNode port : Yaml.elements(container.path("ports"))) {
            ports.put(port.path("name").asText(String.valueOf(port.path("containerPort").asInt())), port.path("containerPort").asInt());
        }
        return ports;
    }

    private static Optional<Integer> resolvePort(JsonNode container, JsonNode port) {
        Map<String, Integer> ports = containerPorts(container);
        if (port.isInt() || port.asText().matches("\\d+")) {
            int number = port.asInt(Integer.parseInt(port.asText("0")));
            return ports.containsValue(number) ? Optional.of(number) : Optional.empty();
        }
        return Optional.ofNullable(ports.get(port.asText()));
    }

    private static String text(Map<String, JsonNode> map) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> texts.put(k, v.asText()));
        return texts.toString();
    }

    private static Optional<JsonNode> effective(JsonNode container, JsonNode pod, String field) {
        if (container.has(field)) {
            return Optional.of(container.get(field));
        }
        return pod.has(field) ? Optional.of(pod.get(field)) : Optional.empty();
    }

    private static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMGT]i?)?").matcher(quantity.trim());
        if (!m.matches()) {
            return 0;
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        int power = unit.isEmpty() ? 0 : "KMGT".indexOf(unit.charAt(0)) + 1;
        return (long) (value * Math.pow(unit.endsWith("i") ? 1024 : 1000, power));
    }

    private static void check(Rendering rendering, Map<String, Docs.ExternalObject> external, List<String> problems,
                              ObjectNode workload, String kind, String name, String key) {
        String where = Yaml.describe(workload) + ": " + kind + " " + name + (key == null ? "" : " key " + key);
        if (kind.equals("ConfigMap")) {
            Optional<Map<String, String>> data = rendering.configMap(name);
            if (data.isPresent()) {
                if (key != null && !data.get().containsKey(key)) {
                    problems.add(where + ": the ConfigMap has no such key");
                }
                return;
            }
        } else {
            Optional<ObjectNode> cluster = rendering.clusterOfAppSecret(name);
            if (cluster.isPresent()) {
                if (key != null && !Rendering.CLOUDNATIVE_PG_APP_KEYS.contains(key)) {
                    problems.add(where + ": CloudNativePG's application Secret has no such key");
                }
                return;
            }
        }
        Docs.ExternalObject documented = external.get(kind + "/" + name);
        if (documented == null) {
            problems.add(where + ": neither in the manifests, nor made by an operator, nor listed in k8s/README.md's table"
                    + " of objects to create");
        } else if (key != null && !documented.keys().isEmpty() && !documented.keys().contains(key)) {
            problems.add(where + ": k8s/README.md lists it with the keys " + documented.keys() + " only");
        }
    }

    /** A service's Deployment as rendered, with its main container. */
    private record Deployed(ServiceModule module, ObjectNode deployment, JsonNode container) {
    }

    /** Every service that has a Deployment in the rendering (a missing one is reported by its own test). */
    private static List<Deployed> deployed(Rendering rendering) {
        List<Deployed> found = new ArrayList<>();
        for (ServiceModule module : Repository.services()) {
            rendering.find("Deployment", module.name()).ifPresent(deployment -> found.add(
                    new Deployed(module, deployment, Rendering.mainContainer(deployment, module.name()))));
        }
        return found;
    }
}
