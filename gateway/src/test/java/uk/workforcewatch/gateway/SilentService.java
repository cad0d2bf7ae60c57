package uk.workforcewatch.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection: a service that accepts every connection, reads what it is sent and never answers,
 * as a hung process would. It counts the connections and keeps the bytes, so a test can tell whether a
 * request left the gateway, how often, and what it carried.
 */
final class SilentService implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private SilentService(ServerSocket server) {
        this.server = server;
    }

    static SilentService listenOn(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            SilentService service = new SilentService(socket);
            Thread acceptor = new Thread(service::accept, "silent-service-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on port " + port, e);
        }
    }

    int connections() {
        return connections.get();
    }

    /** Everything received so far, on every connection, as text. */
    String received() {
        synchronized (received) {
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.incrementAndGet();
                Thread reader = new Thread(() -> read(socket), "silent-service-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void read(Socket socket) {
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (received) {
                    received.write(buffer, 0, read);
                }
            }
        } catch (IOException e) {
            // the gateway gave up on it, or the test closed it
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
