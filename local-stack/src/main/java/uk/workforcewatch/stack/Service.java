package uk.workforcewatch.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/** One of the system's services, run from its packaged jar with a database of its own on the stack's server. */
enum Service {
    STAFFING("staffing-service", "STAFFING", "staffing", Ports::staffing),
    CASELOAD("caseload-service", "CASELOAD", "caseload", Ports::caseload),
    SICKNESS("sickness-service", "SICKNESS", "sickness", Ports::sickness),
    GATEWAY("gateway", "GATEWAY", "gateway", Ports::gateway);

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String module;
    private final String environmentPrefix;
    private final String database;
    private final ToIntFunction<Ports> port;

    Service(String module, String environmentPrefix, String database, ToIntFunction<Ports> port) {
        this.module = module;
        this.environmentPrefix = environmentPrefix;
        this.database = database;
        this.port = port;
    }

    String module() {
        return module;
    }

    String database() {
        return database;
    }

    URI address(Ports ports) {
        return URI.create("http://localhost:" + port.applyAsInt(ports));
    }

    Path jar(Path home) {
        return home.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /** Starts the service's process, configured through the environment variables its configuration reads. */
    JavaProcess start(StackConfig config, int postgresPort, String kafka, SigningKeys keys) throws IOException {
        Path jar = jar(config.home());
        if (!Files.exists(jar)) {
            throw new IOException(module + " is not packaged (" + jar + "): run ./mvnw -DskipTests package first");
        }
        String db = "localhost:" + postgresPort + "/" + database;
        Map<String, String> environment = new HashMap<>();
        environment.put(environmentPrefix + "_HTTP_PORT", String.valueOf(port.applyAsInt(config.ports())));
        environment.put(environmentPrefix + "_DB_URL", "postgresql://" + db);
        environment.put(environmentPrefix + "_DB_JDBC_URL", "jdbc:postgresql://" + db);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        environment.put("JWT_PUBLIC_KEY_LOCATION", keys.publicKeyFile().toString());
        environment.put("JWT_ISSUER", SigningKeys.ISSUER);
        if (this == GATEWAY) {
            // the gateway forwards the public API to the service that owns each part
            for (Service owner : List.of(STAFFING, CASELOAD, SICKNESS)) {
                environment.put(owner.environmentPrefix + "_SERVICE_URL", owner.address(config.ports()).toString());
            }
            // the demo council's local authority code in its census return: no real council's
            environment.put("CENSUS_LA_CODE", "999");
        }
        environment.putAll(config.extraEnvironment(module));
        return JavaProcess.start(module, List.of("-Xmx256m"),
                List.of("-jar", jar.toString()), environment, config.logs().resolve(module + ".log"));
    }

    /** Waits until the service answers ready (database and Kafka reachable), or fails if it stops. */
    void awaitReady(JavaProcess process, Ports ports, HttpClient http) throws IOException, InterruptedException {
        URI health = address(ports).resolve("/q/health/ready");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(module + " stopped while starting; see " + process.log());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IOException(module + " was not ready within " + START_TIMEOUT.toMinutes() + " minutes; see "
                + process.log());
    }
}
