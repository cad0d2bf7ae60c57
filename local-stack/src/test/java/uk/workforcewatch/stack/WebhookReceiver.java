package uk.workforcewatch.stack;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server standing in for the senior managers' chat channel: it keeps every message posted to it. */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            messages.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/senior-managers";
    }

    boolean received(String... fragments) {
        return messages.stream().anyMatch(message -> List.of(fragments).stream().allMatch(message::contains));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
