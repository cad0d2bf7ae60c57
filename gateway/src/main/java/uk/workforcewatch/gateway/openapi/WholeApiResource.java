package uk.workforcewatch.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.gateway.forward.Service;
import uk.workforcewatch.gateway.forward.ServiceCaller;
import uk.workforcewatch.gateway.forward.ServiceRequest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One OpenAPI document for the whole public API, for the HR portal's developers and the gateway's Swagger UI:
 * the gateway's own document and each service's, fetched from the services as they run (through their circuits)
 * and merged. Kept a minute once every part has come; asked again at once while one is missing.
 */
@Path("/api/v1/openapi")
@Tag(name = "API")
@Singleton
public class WholeApiResource {

    static final String TITLE = "Workforce Watch API";
    private static final Duration KEEP = Duration.ofMinutes(1);
    private static final String DOCUMENT = "/q/openapi?format=json";

    private record Merged(JsonNode document, Instant at) {
    }

    private final ServiceCaller services;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebClient self;
    private final AtomicReference<Merged> kept = new AtomicReference<>();

    WholeApiResource(ServiceCaller services, ObjectMapper json, Clock clock, Vertx vertx) {
        this.services = services;
        this.json = json;
        this.clock = clock;
        this.self = WebClient.create(vertx);
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenAPI document of the whole public API: the gateway's and every service's endpoints, "
            + "each with the roles that may call it (anyone may read it)")
    public Uni<JsonNode> document(@Context HttpServerRequest request) {
        Merged held = kept.get();
        if (held != null && held.at().plus(KEEP).isAfter(clock.instant())) {
            return Uni.createFrom().item(held.document());
        }
        int port = request.localAddress().port();
        Uni<JsonNode> own = self.getAbs("http://localhost:" + port + DOCUMENT).timeout(10_000).send()
                .map(response -> read(response.bodyAsString()));
        List<Uni<ApiMerger.Part>> parts = Arrays.stream(Service.values()).map(this::partOf).toList();
        return own.chain(gateway -> Uni.join().all(parts).andFailFast().map(fetched -> {
            JsonNode merged = ApiMerger.merge(gateway, fetched, TITLE);
            if (fetched.stream().allMatch(part -> part.document() != null)) {
                kept.set(new Merged(merged, clock.instant()));
            }
            return merged;
        }));
    }

    /** A service's document, or the reason it could not be had; never a failure. */
    private Uni<ApiMerger.Part> partOf(Service service) {
        ServiceRequest request = new ServiceRequest(HttpMethod.GET, DOCUMENT,
                MultiMap.caseInsensitiveMultiMap().add("Accept", MediaType.APPLICATION_JSON), null);
        return services.call(service, request)
                .map(response -> response.statusCode() == 200
                        ? ApiMerger.Part.of(service.title(), read(response.bodyAsString()))
                        : ApiMerger.Part.missing(service.title(), "answered " + response.statusCode()))
                .onFailure().recoverWithItem(failure -> ApiMerger.Part.missing(service.title(), "not answering"));
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("An OpenAPI document could not be read", e);
        }
    }

    @PreDestroy
    void close() {
        self.close();
    }
}
