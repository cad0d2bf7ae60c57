package uk.workforcewatch.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports nothing listens on now, for a stack of a test's own beside anything else running. */
final class FreePorts {

    private FreePorts() {
    }

    /** Seven ports free now, held open together so none is handed out twice. */
    static Ports any() throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 7; i++) {
                sockets.add(new ServerSocket(0));
            }
            int[] p = sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
            return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
