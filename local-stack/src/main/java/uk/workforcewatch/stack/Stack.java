package uk.workforcewatch.stack;

import uk.workforcewatch.stack.demo.DemoTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The whole system on one machine: one PostgreSQL server with a database per service, one Kafka broker, and
 * every service as a process of its own. Closing it stops everything it started, last started first.
 */
public final class Stack implements AutoCloseable {

    private final StackConfig config;
    private final SigningKeys keys;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<JavaProcess> processes = new CopyOnWriteArrayList<>();
    private final List<JavaProcess> services = new CopyOnWriteArrayList<>();
    private final Map<Service, JavaProcess> byService = new ConcurrentHashMap<>();
    private boolean closed;
    private Postgres postgres;
    private KafkaBroker kafka;

    private Stack(StackConfig config, SigningKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    public static Stack start(StackConfig config) throws IOException, InterruptedException {
        Stack stack = create(config);
        stack.startAll();
        return stack;
    }

    /** A stack not started yet: its folder ready (emptied first when fresh) and its signing key made. */
    static Stack create(StackConfig config) throws IOException {
        if (config.fresh()) {
            deleteRecursively(config.data());
        }
        Files.createDirectories(config.logs());
        return new Stack(config, SigningKeys.loadOrCreate(config.data()));
    }

    /** Starts every part, in order; if one fails, stops those already started. */
    void startAll() throws IOException, InterruptedException {
        try {
            startParts();
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startParts() throws IOException, InterruptedException {
        postgres = remember(Postgres.start(config,
                Arrays.stream(Service.values()).map(Service::database).toList()));
        kafka = remember(KafkaBroker.start(config));
        processes.add(kafka.process());
        // the services start side by side; each needs only the database and the broker
        List<Service> kinds = List.of(Service.values());
        for (Service service : kinds) {
            JavaProcess process = remember(service.start(config, postgres.port(), kafka.bootstrapServers(), keys));
            processes.add(process);
            services.add(process);
            byService.put(service, process);
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

    /**
     * Stops one service's process and waits until it has gone, leaving the rest running: a system test's way to
     * see how the others cope without it. It stays stopped (no restart); closing the stack later is still safe.
     */
    void stop(Service service) {
        JavaProcess process = byService.get(service);
        if (process == null) {
            throw new IllegalStateException(service.module() + " was not started");
        }
        // asked for, so not an unexpected stop
        processes.remove(process);
        process.close();
    }

    /** Kills a service's process outright (SIGKILL), as a crash or the kernel's out-of-memory killer would. */
    void kill(Service service) throws InterruptedException {
        JavaProcess process = byService.get(service);
        processes.remove(process);
        services.remove(process);
        process.kill();
    }

    /** Starts a killed or stopped service again, as its supervisor would, and waits until it is ready. */
    void restart(Service service) throws IOException, InterruptedException {
        JavaProcess process = remember(service.start(config, postgres.port(), kafka.bootstrapServers(), keys));
        processes.add(process);
        services.add(process);
        byService.put(service, process);
        service.awaitReady(process, config.ports(), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    }

    /** Kills the Kafka broker outright (SIGKILL); the services carry on without it. */
    void killBroker() throws InterruptedException {
        processes.remove(kafka.process());
        kafka.process().kill();
    }

    /** Starts the broker again on its own data, on the same port, and waits until it answers. */
    void restartBroker() throws IOException, InterruptedException {
        kafka = remember(KafkaBroker.start(config));
        processes.add(kafka.process());
    }

    /** Ends every connection a service has to its database, from the server's side; the number ended. */
    int cutDatabaseConnections(Service service) throws SQLException {
        return postgres.cutConnections(service.database());
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The processes that have stopped though nobody asked them to. */
    List<JavaProcess> stopped() {
        return processes.stream().filter(process -> !process.isAlive()).toList();
    }

    /** Keeps a started part to stop later; stops it at once if the stack was closed meanwhile (Ctrl-C). */
    private synchronized <T extends AutoCloseable> T remember(T part) throws IOException {
        if (closed) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e.getMessage());
            }
            throw new IOException("The stack was stopped while starting");
        }
        started.push(part);
        return part;
    }

    @Override
    public synchronized void close() {
        closed = true;
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
