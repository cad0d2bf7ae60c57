package uk.workforcewatch.gateway.forward;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends a request to a service without blocking: through the service's circuit, with the timeout, and
 * tried again after a pause when a safe read got no answer. Any answer of the service, whatever its
 * status, is the outcome; no answer at all fails with {@link ServiceUnavailable}. A file goes both ways as
 * a stream ({@link #stream}), with the file timeout.
 */
@ApplicationScoped
public class ServiceCaller {

    private final Vertx vertx;
    private final ServiceUrls urls;
    private final Circuits circuits;
    private final ForwardConfig config;
    private final WebClient client;
    private final HttpClient files;

    ServiceCaller(Vertx vertx, ServiceUrls urls, Circuits circuits, ForwardConfig config) {
        this.vertx = vertx;
        this.urls = urls;
        this.circuits = circuits;
        this.config = config;
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, millis(config.timeout()));
        this.client = WebClient.create(vertx, new WebClientOptions()
                // a redirect is the caller's to follow, through the gateway
                .setFollowRedirects(false)
                // the caller's own User-Agent is forwarded
                .setUserAgentEnabled(false)
                .setConnectTimeout(connectMillis)
                .setMaxPoolSize(config.maxConnections())
                .setKeepAlive(true));
        // Vert.x's own client: it gives the answer before its body, which the web client holds whole
        this.files = vertx.getDelegate().createHttpClient(new HttpClientOptions()
                .setConnectTimeout(connectMillis)
                .setMaxPoolSize(config.maxConnections())
                .setKeepAlive(true));
    }

    public Uni<HttpResponse<Buffer>> call(Service service, ServiceRequest request) {
        return withRetries(service, request.safe() ? config.retries() : 0, config.timeout(), () -> {
            HttpRequest<Buffer> outgoing = client.requestAbs(request.method(), urls.of(service) + request.pathAndQuery())
                    .putHeaders(io.vertx.mutiny.core.MultiMap.newInstance(request.headers()))
                    // both reset the connection when they fire, so a silent service cannot hold a pooled one
                    .connectTimeout(millis(config.timeout()))
                    .timeout(millis(config.timeout()));
            return request.body() == null || request.body().length() == 0
                    ? outgoing.send()
                    : outgoing.sendBuffer(Buffer.newInstance(request.body()));
        });
    }

    /**
     * A file's call, streamed both ways: {@code send} sends the request with the caller's body, if any, as it comes;
     * the answer is given as soon as its status and headers are in, its body paused, for the caller to pipe on. The
     * service may stay silent for {@code forward.file-timeout}; connecting takes no longer than {@code forward.timeout}.
     */
    public Uni<HttpClientResponse> stream(Service service, ServiceRequest request,
                                          Function<HttpClientRequest, Future<HttpClientResponse>> send) {
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setAbsoluteURI(urls.of(service) + request.pathAndQuery())
                .setHeaders(request.headers())
                .setConnectTimeout(millis(config.timeout()))
                .setIdleTimeout(millis(config.fileTimeout()));
        return withRetries(service, request.safe() ? config.retries() : 0, config.fileTimeout(),
                () -> UniHelper.toUni(files.request(options).compose(send).map(HttpClientResponse::pause)));
    }

    private <T> Uni<T> withRetries(Service service, int triesLeft, Duration timeout, Supplier<Uni<T>> send) {
        return once(service, timeout, send)
                .onFailure(f -> triesLeft > 0 && f instanceof ServiceUnavailable u && !u.circuitOpen())
                .recoverWithUni(f -> pause().chain(() -> withRetries(service, triesLeft - 1, timeout, send)));
    }

    private <T> Uni<T> once(Service service, Duration timeout, Supplier<Uni<T>> send) {
        // deferred, so the circuit is asked at each try, not once when the pipeline is built
        return Uni.createFrom().deferred(() -> {
            CircuitBreaker circuit = circuits.of(service);
            if (!circuit.tryCall()) {
                return Uni.createFrom().failure(ServiceUnavailable.circuitOpen(service));
            }
            return send.get().onItemOrFailure().transformToUni((response, failure) -> {
                if (failure == null) {
                    circuit.answered();
                    return Uni.createFrom().item(response);
                }
                Optional<CutOff> cut = CutOff.behind(failure);
                if (cut.isPresent()) {
                    // the service was taking the file in: it is up
                    circuit.answered();
                    return Uni.createFrom().failure(cut.get());
                }
                circuit.failed();
                return Uni.createFrom().failure(ServiceUnavailable.noAnswer(service, reason(failure, timeout)));
            });
        });
    }

    private Uni<Void> pause() {
        long millis = Math.max(1, config.retryDelay().toMillis());
        return Uni.createFrom().emitter(e -> vertx.setTimer(millis, id -> e.complete(null)));
    }

    private static String reason(Throwable failure, Duration timeout) {
        if (failure instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (failure instanceof ConnectException) {
            return "could not connect";
        }
        return "connection failed (" + failure.getClass().getSimpleName() + ")";
    }

    private static long millis(Duration timeout) {
        return Math.max(1, timeout.toMillis());
    }

    @PreDestroy
    void close() {
        client.close();
        files.close();
    }
}
