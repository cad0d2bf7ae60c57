package uk.workforcewatch.gateway.forward;

import io.vertx.core.MultiMap;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which headers cross the gateway. End-to-end headers (Authorization, Content-Type, Accept, If-Match,
 * ETag, ...) pass both ways unchanged; hop-by-hop headers describe one connection only (RFC 9110
 * section 7.6.1) and stop here, as does the length, which the gateway sets for the body it sends.
 */
public final class ForwardedHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

    /** Set by the client from the service's URL and the body sent, never copied. */
    private static final Set<String> SET_PER_CONNECTION = Set.of("host", "content-length", "expect");

    private ForwardedHeaders() {
    }

    /** The caller's headers to send on to the service. */
    public static MultiMap toService(MultiMap fromCaller) {
        return copy(fromCaller, SET_PER_CONNECTION);
    }

    /**
     * The service's headers to return to the caller, with a {@code Location} that points at the service
     * pointed at the gateway instead, so the caller never learns (or needs) the service's address.
     */
    public static MultiMap toCaller(MultiMap fromService, String serviceBaseUrl, String gatewayOrigin,
                                    boolean keepLength) {
        MultiMap headers = copy(fromService, keepLength ? Set.of() : Set.of("content-length"));
        String location = headers.get("Location");
        if (location != null) {
            headers.set("Location", gatewayLocation(location, serviceBaseUrl, gatewayOrigin));
        }
        return headers;
    }

    static String gatewayLocation(String location, String serviceBaseUrl, String gatewayOrigin) {
        if (location.regionMatches(true, 0, serviceBaseUrl, 0, serviceBaseUrl.length())) {
            String rest = location.substring(serviceBaseUrl.length());
            if (rest.isEmpty() || rest.startsWith("/") || rest.startsWith("?")) {
                return gatewayOrigin + rest;
            }
        }
        return location;
    }

    private static MultiMap copy(MultiMap from, Set<String> alsoDropped) {
        Set<String> dropped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        dropped.addAll(HOP_BY_HOP);
        dropped.addAll(alsoDropped);
        // a Connection header names further headers that are only for this hop
        for (String connection : from.getAll("Connection")) {
            for (String name : connection.split(",")) {
                dropped.add(name.trim().toLowerCase(Locale.ROOT));
            }
        }
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        from.forEach((name, value) -> {
            if (!dropped.contains(name)) {
                to.add(name, value);
            }
        });
        return to;
    }
}
