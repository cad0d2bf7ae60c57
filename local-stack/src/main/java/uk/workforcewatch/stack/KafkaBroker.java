package uk.workforcewatch.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one), run through Kafka's own server entry
 * point as a process of its own, its log segments kept in the stack's folder.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final JavaProcess process;
    private final String bootstrapServers;

    private KafkaBroker(JavaProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaBroker start(StackConfig config) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(config.data().resolve("kafka"));
        Path properties = folder.resolve("server.properties");
        Files.writeString(properties, serverProperties(config.ports(), folder.resolve("data")));
        Path logConfig = folder.resolve("log4j2.properties");
        Files.writeString(logConfig, LOGGING);
        List<String> jvm = List.of("-Xms256m", "-Xmx512m", "-Dlog4j2.configurationFile=" + logConfig,
                "-cp", classpath(config.home()));
        Path log = config.logs().resolve("kafka.log");
        if (!Files.exists(folder.resolve("data").resolve("meta.properties"))) {
            JavaProcess.run("kafka storage format", jvm, List.of("kafka.tools.StorageTool", "format", "--standalone",
                    "-t", Uuid.randomUuid().toString(), "-c", properties.toString()), log);
        }
        String bootstrap = "127.0.0.1:" + config.ports().kafka();
        KafkaBroker broker = new KafkaBroker(
                JavaProcess.start("kafka", jvm, List.of("kafka.Kafka", properties.toString()), Map.of(), log), bootstrap);
        broker.awaitReady();
        return broker;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    JavaProcess process() {
        return process;
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IOException("Kafka stopped while starting; see " + process.log());
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    Thread.sleep(250);
                }
            }
        }
        throw new IOException("Kafka did not start within " + START_TIMEOUT.toSeconds() + " s; see " + process.log());
    }

    /** The launcher's own classpath holds the broker: the local-stack module's classes and libraries. */
    private static String classpath(Path home) {
        Path target = home.resolve("local-stack").resolve("target");
        return target.resolve("lib") + "/*";
    }

    private static String serverProperties(Ports ports, Path data) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + ports.kafkaController(),
                "listeners=PLAINTEXT://127.0.0.1:" + ports.kafka() + ",CONTROLLER://127.0.0.1:" + ports.kafkaController(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + ports.kafka(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                // one node: every internal topic has a single replica
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    private static final String LOGGING = String.join("\n",
            "appender.out.type=Console",
            "appender.out.name=out",
            "appender.out.layout.type=PatternLayout",
            "appender.out.layout.pattern=%d{ISO8601} %-5p [%c] %m%n",
            "rootLogger.level=INFO",
            "rootLogger.appenderRef.out.ref=out",
            "logger.state.name=state.change.logger",
            "logger.state.level=WARN",
            "");

    @Override
    public void close() {
        process.close();
    }
}
