package uk.workforcewatch.gateway;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real receivers in the test JVM for the gateway's messages: an HTTP server for the webhooks, one path
 * per audience, which can be told to refuse the next requests to show retries and keeps every request it
 * accepted or refused; and a GreenMail SMTP server for the e-mail.
 */
public class Receivers implements QuarkusTestResourceLifecycleManager {

    /** A request the receiver accepted: the path, the idempotency key and the body. */
    public record Received(String path, String idempotencyKey, String body) {
    }

    /** Two teams whose managers have receivers of their own (paths /teams/north and /teams/south). */
    public static final UUID NORTH = UUID.fromString("3b0c6f2e-8d41-4a7e-9c15-2f6a0d9e4b71");
    public static final UUID SOUTH = UUID.fromString("c82e41d7-5a9f-4e03-b6d8-71f4a2c9e05b");
    public static final String NORTH_MANAGER = "north-manager@council.test";
    public static final String SOUTH_MANAGER = "south-manager@council.test";

    private static final List<Received> ACCEPTED = new CopyOnWriteArrayList<>();
    private static final List<Received> REFUSED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger REFUSE_NEXT = new AtomicInteger();
    private static HttpServer server;
    private static GreenMail mail;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = REFUSE_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
                (status == 200 ? ACCEPTED : REFUSED).add(new Received(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            mail.start();
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.ofEntries(Map.entry("notify.webhooks.senior-managers", base + "/senior-managers"),
                Map.entry("notify.webhooks.team-managers", base + "/team-managers"),
                Map.entry("notify.webhooks.hr", base + "/hr"),
                Map.entry("notify.emails.senior-managers", "heads-of-service@council.test"),
                Map.entry("notify.teams.\"" + NORTH + "\".webhooks", base + "/teams/north"),
                Map.entry("notify.teams.\"" + NORTH + "\".emails", NORTH_MANAGER),
                Map.entry("notify.teams.\"" + SOUTH + "\".webhooks", base + "/teams/south"),
                Map.entry("notify.teams.\"" + SOUTH + "\".emails", SOUTH_MANAGER),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", String.valueOf(mail.getSmtp().getPort())));
    }

    /** The e-mails received so far. */
    public static MimeMessage[] mail() {
        return mail.getReceivedMessages();
    }

    @Override
    public void stop() {
        // lives as long as the test JVM, like the broker
    }

    public static List<Received> accepted(String path, String containing) {
        return ACCEPTED.stream().filter(r -> r.path().equals(path) && r.body().contains(containing)).toList();
    }

    /** The requests refused, to compare a retry with the attempt it repeats. */
    public static List<Received> refused(String path, String containing) {
        return REFUSED.stream().filter(r -> r.path().equals(path) && r.body().contains(containing)).toList();
    }

    public static void refuseNext(int requests) {
        REFUSE_NEXT.set(requests);
    }
}
