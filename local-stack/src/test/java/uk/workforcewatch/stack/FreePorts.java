package uk.workforcewatch.stack;

import java.io.IOException;
import java.net.ServerSocket;

/** Ports nothing listens on now, for a stack of a test's own beside anything else running. */
final class FreePorts {

    private FreePorts() {
    }

    static Ports any() throws IOException {
        int[] ports = new int[7];
        for (int i = 0; i < ports.length; i++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports[i] = socket.getLocalPort();
            }
        }
        return new Ports(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6]);
    }
}
