package uk.workforcewatch.gateway.forward;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** End-to-end headers cross the gateway, hop-by-hop ones stop, and Location points at the gateway. */
class ForwardedHeadersTest {

    @Test
    void theCallersEndToEndHeadersGoOnAndTheHopByHopOnesStop() {
        MultiMap caller = MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "Bearer abc")
                .add("Content-Type", "application/json")
                .add("Accept", "application/json")
                .add("If-Match", "\"3\"")
                .add("Accept-Language", "en-GB")
                .add("Host", "gateway:8080")
                .add("Content-Length", "12")
                .add("Connection", "keep-alive, X-Hop")
                .add("X-Hop", "for this hop only")
                .add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked")
                .add("Proxy-Authorization", "Basic xyz")
                .add("Upgrade", "h2c")
                .add("TE", "trailers");

        MultiMap service = ForwardedHeaders.toService(caller);

        assertEquals("Bearer abc", service.get("authorization"));
        assertEquals("application/json", service.get("Content-Type"));
        assertEquals("application/json", service.get("Accept"));
        assertEquals("\"3\"", service.get("If-Match"));
        assertEquals("en-GB", service.get("Accept-Language"));
        for (String dropped : List.of("Host", "Content-Length", "Connection", "X-Hop", "Keep-Alive",
                "Transfer-Encoding", "Proxy-Authorization", "Upgrade", "TE")) {
            assertFalse(service.contains(dropped), dropped);
        }
    }

    @Test
    void theServicesHeadersComeBackWithALocationAtTheGateway() {
        MultiMap answer = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/problem+json")
                .add("ETag", "\"4\"")
                .add("Content-Length", "42")
                .add("Transfer-Encoding", "chunked")
                .add("Location", "http://staffing:8082/api/v1/workers/7");

        MultiMap caller = ForwardedHeaders.toCaller(answer, "http://staffing:8082", "https://portal.example", false);

        assertEquals("application/problem+json", caller.get("Content-Type"));
        assertEquals("\"4\"", caller.get("ETag"));
        assertEquals("https://portal.example/api/v1/workers/7", caller.get("Location"));
        assertNull(caller.get("Transfer-Encoding"));
        assertNull(caller.get("Content-Length"), "the gateway sets the length of what it sends");
        assertEquals("42", ForwardedHeaders.toCaller(answer, "http://staffing:8082", "", true).get("Content-Length"),
                "kept for HEAD, which has no body to measure");
    }

    @Test
    void aLocationElsewhereOrRelativeIsLeftAlone() {
        assertEquals("/api/v1/workers/7",
                ForwardedHeaders.gatewayLocation("/api/v1/workers/7", "http://staffing:8082", "http://gw:8080"));
        assertEquals("https://elsewhere.example/x",
                ForwardedHeaders.gatewayLocation("https://elsewhere.example/x", "http://staffing:8082", "http://gw:8080"));
        assertEquals("http://staffing:80820/x",
                ForwardedHeaders.gatewayLocation("http://staffing:80820/x", "http://staffing:8082", "http://gw:8080"),
                "another port is another server");
        assertEquals("http://gw:8080/api/v1/cases/1",
                ForwardedHeaders.gatewayLocation("HTTP://Staffing:8082/api/v1/cases/1", "http://staffing:8082",
                        "http://gw:8080"));
    }
}
