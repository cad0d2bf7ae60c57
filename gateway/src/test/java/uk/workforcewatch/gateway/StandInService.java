package uk.workforcewatch.gateway;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import uk.workforcewatch.gateway.forward.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service's stand-in that speaks HTTP: a real server in the test's process on the service's port
 * ({@link ServicePorts}), running the test's handler for each request on a thread of its own, so a handler
 * reads, writes and waits as a service would. It counts the requests it was sent.
 */
final class StandInService implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger requests = new AtomicInteger();

    private StandInService(HttpServer server, HttpHandler handler) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            handler.handle(exchange);
        });
        server.start();
    }

    static StandInService at(Service service, HttpHandler handler) {
        try {
            return new StandInService(HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), ServicePorts.port(service)), 0), handler);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on the port of " + service.title(), e);
        }
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
