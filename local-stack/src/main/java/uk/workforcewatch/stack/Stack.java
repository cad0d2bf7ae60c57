package uk.workforcewatch.stack;

import uk.workforcewatch.stack.demo.DemoTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * The whole system on one machine: one PostgreSQL server with a database per service, one Kafka broker, and
 * every service as a process of its own. Closing it stops everything it started, last started first.
 */
public final class Stack implements AutoCloseable {

    private final StackConfig config;
    private final SigningKeys keys;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<JavaProcess> processes = new ArrayList<>();
    private final List<JavaProcess> services = new ArrayList<>();

    private Stack(StackConfig config, SigningKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    public static Stack start(StackConfig config) throws IOException, InterruptedException {
        if (config.fresh()) {
            deleteRecursively(config.data());
        }
        Files.createDirectories(config.logs());
        Stack stack = new Stack(config, SigningKeys.loadOrCreate(config.data()));
        try {
            stack.startParts();
            return stack;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startParts() throws IOException, InterruptedException {
        Postgres postgres = Postgres.start(config, Arrays.stream(Service.values()).map(Service::database).toList());
        started.push(postgres);
        KafkaBroker kafka = KafkaBroker.start(config);
        started.push(kafka);
        processes.add(kafka.process());
        // the services start side by side; each needs only the database and the broker
        List<Service> kinds = List.of(Service.values());
        for (Service service : kinds) {
            JavaProcess process = service.start(config, postgres.port(), kafka.bootstrapServers(), keys);
            started.push(process);
            processes.add(process);
            services.add(process);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < kinds.size(); i++) {
            kinds.get(i).awaitReady(services.get(i), config.ports(), http);
        }
    }

    public URI gateway() {
        return Service.GATEWAY.address(config.ports());
    }

    public URI staffing() {
        return Service.STAFFING.address(config.ports());
    }

    public URI caseload() {
        return Service.CASELOAD.address(config.ports());
    }

    public URI sickness() {
        return Service.SICKNESS.address(config.ports());
    }

    public DemoTokens tokens() {
        return keys;
    }

    public StackConfig config() {
        return config;
    }

    /** The processes that have stopped though nobody asked them to. */
    List<JavaProcess> stopped() {
        return processes.stream().filter(process -> !process.isAlive()).toList();
    }

    @Override
    public void close() {
        // the services stop side by side, before the broker and the database they still use while stopping
        services.forEach(JavaProcess::askToStop);
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e.getMessage());
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
