package uk.workforcewatch.gateway.forward;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Sends a request to a service without blocking: through the service's circuit, with the timeout, and
 * tried again after a pause when a safe read got no answer. Any answer of the service, whatever its
 * status, is the outcome; no answer at all fails with {@link ServiceUnavailable}.
 */
@ApplicationScoped
public class ServiceCaller {

    private final Vertx vertx;
    private final ServiceUrls urls;
    private final Circuits circuits;
    private final ForwardConfig config;
    private final WebClient client;

    ServiceCaller(Vertx vertx, ServiceUrls urls, Circuits circuits, ForwardConfig config) {
        this.vertx = vertx;
        this.urls = urls;
        this.circuits = circuits;
        this.config = config;
        this.client = WebClient.create(vertx, new WebClientOptions()
                // a redirect is the caller's to follow, through the gateway
                .setFollowRedirects(false)
                // the caller's own User-Agent is forwarded
                .setUserAgentEnabled(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis()))
                .setMaxPoolSize(config.maxConnections())
                .setKeepAlive(true));
    }

    public Uni<HttpResponse<Buffer>> call(Service service, ServiceRequest request) {
        return withRetries(service, request, request.safe() ? config.retries() : 0);
    }

    private Uni<HttpResponse<Buffer>> withRetries(Service service, ServiceRequest request, int triesLeft) {
        return once(service, request)
                .onFailure(f -> triesLeft > 0 && f instanceof ServiceUnavailable u && !u.circuitOpen())
                .recoverWithUni(f -> pause().chain(() -> withRetries(service, request, triesLeft - 1)));
    }

    private Uni<HttpResponse<Buffer>> once(Service service, ServiceRequest request) {
        // deferred, so the circuit is asked at each try, not once when the pipeline is built
        return Uni.createFrom().deferred(() -> {
            CircuitBreaker circuit = circuits.of(service);
            if (!circuit.tryCall()) {
                return Uni.createFrom().failure(ServiceUnavailable.circuitOpen(service));
            }
            HttpRequest<Buffer> outgoing = client.requestAbs(request.method(), urls.of(service) + request.pathAndQuery())
                    .putHeaders(io.vertx.mutiny.core.MultiMap.newInstance(request.headers()))
                    // both reset the connection when they fire, so a silent service cannot hold a pooled one
                    .connectTimeout(timeoutMillis())
                    .timeout(timeoutMillis());
            Uni<HttpResponse<Buffer>> sent = request.body() == null || request.body().length() == 0
                    ? outgoing.send()
                    : outgoing.sendBuffer(Buffer.newInstance(request.body()));
            return sent.onItemOrFailure().transformToUni((response, failure) -> {
                if (failure != null) {
                    circuit.failed();
                    return Uni.createFrom().failure(ServiceUnavailable.noAnswer(service, reason(failure)));
                }
                circuit.answered();
                return Uni.createFrom().item(response);
            });
        });
    }

    private Uni<Void> pause() {
        long millis = Math.max(1, config.retryDelay().toMillis());
        return Uni.createFrom().emitter(e -> vertx.setTimer(millis, id -> e.complete(null)));
    }

    private String reason(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "no answer within " + config.timeout().toMillis() + " ms";
        }
        if (failure instanceof ConnectException) {
            return "could not connect";
        }
        return "connection failed (" + failure.getClass().getSimpleName() + ")";
    }

    private long timeoutMillis() {
        return Math.max(1, config.timeout().toMillis());
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
