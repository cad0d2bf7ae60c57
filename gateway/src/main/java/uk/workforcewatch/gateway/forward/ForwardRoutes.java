package uk.workforcewatch.gateway.forward;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import uk.workforcewatch.gateway.audit.ForwardedDecisions;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway's forwarding: every path of the services' public API, as the {@link RouteTable} says, goes
 * to its service on the event loop and the service's answer comes back unchanged, so the HR portal needs
 * only the gateway's address. A request's body and the answer are held whole, up to a cap, but a council's
 * file (an import, an export) is streamed both ways as it comes. The routes come before Quarkus REST's, after
 * authentication and the path rule of {@link ForwardSecurity}.
 */
@ApplicationScoped
public class ForwardRoutes {

    /** Before Quarkus REST (which is at the default order or later), after the security filters. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    /**
     * A file's route comes before Quarkus's own limit of a request's length (10M by default), which would refuse a
     * file before the forward's cap could, and after the security filters too (authentication at -200,
     * authorization at -100).
     */
    static final int FILE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private static final Logger LOG = Logger.getLogger(ForwardRoutes.class);

    private final ServiceCaller caller;
    private final ServiceUrls urls;
    private final ForwardConfig config;
    private final ProblemAnswer problems;
    private final ForwardedDecisions decisions;
    private final TeamGuard guard;

    ForwardRoutes(ServiceCaller caller, ServiceUrls urls, ForwardConfig config, ProblemAnswer problems,
                  ForwardedDecisions decisions, TeamGuard guard) {
        this.caller = caller;
        this.urls = urls;
        this.config = config;
        this.problems = problems;
        this.decisions = decisions;
        this.guard = guard;
    }

    void routes(@Observes Router router) {
        Set<String> held = new TreeSet<>(RouteTable.forwardedRoots());
        held.removeAll(RouteTable.fileRoots());
        router.routeWithRegex(under(held))
                .order(ORDER)
                // the body is held whole (up to the cap) so it can be sent as it came
                .handler(BodyHandler.create(false).setBodyLimit(config.maxBodySize().asLongValue()))
                .handler(this::forward)
                .failureHandler(this::refused);
        router.routeWithRegex(under(RouteTable.fileRoots()))
                .order(FILE_ORDER)
                .handler(this::forwardFile);
    }

    private static String under(Set<String> roots) {
        return "/api/v1/(" + String.join("|", new TreeSet<>(roots)) + ")(/.*)?";
    }

    private void forward(RoutingContext context) {
        String path = context.normalizedPath();
        Optional<Service> owner = RouteTable.ownerOf(path);
        if (owner.isEmpty()) {
            context.next();
            return;
        }
        Service service = owner.get();
        ServiceRequest outgoing = outgoing(context, context.body().buffer());
        SecurityIdentity identity = identity(context);
        guarded(context, service, outgoing, () -> caller.call(service, outgoing)
                .call(answer -> decisions.record(identity, outgoing.method(), path, context.request().query(),
                        answer.statusCode(), answer.body()))
                .subscribe().with(
                        answer -> relay(context, service, outgoing, answer),
                        failure -> fail(context, service, outgoing, failure)));
    }

    /**
     * A council's file, in or out, streamed both ways so the gateway never holds it whole: the caller's body goes
     * on as it arrives ({@link Upload}) and the service's answer comes back as it is written. No file is audited
     * ({@link ForwardedDecisions} takes allocations and absence reads) and the team guard reads no body here.
     */
    private void forwardFile(RoutingContext context) {
        HttpServerRequest request = context.request();
        // nothing is read until the service is there to take it
        request.pause();
        String path = context.normalizedPath();
        Optional<Service> owner = RouteTable.ownerOf(path);
        if (owner.isEmpty()) {
            problems.refused(context.response(), 404, "Not Found", path + " names no kind of file; the kinds are "
                    + String.join(", ", RouteTable.fileKinds()));
            return;
        }
        long cap = config.maxFileSize().asLongValue();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && Long.parseLong(length) > cap) {
            tooLarge(context, cap);
            return;
        }
        Service service = owner.get();
        ServiceRequest outgoing = outgoing(context, null);
        long idleMillis = Math.max(1, config.fileTimeout().toMillis());
        guarded(context, service, outgoing, () -> caller.stream(service, outgoing,
                        to -> Upload.send(request, to, cap, idleMillis, () -> tooLarge(context, cap)))
                .subscribe().with(
                        answer -> relayFile(context, service, answer),
                        failure -> fail(context, service, outgoing, failure)));
    }

    private static ServiceRequest outgoing(RoutingContext context, io.vertx.core.buffer.Buffer body) {
        HttpServerRequest request = context.request();
        String path = context.normalizedPath();
        String query = request.query();
        return new ServiceRequest(request.method(), query == null ? path : path + "?" + query,
                ForwardedHeaders.toService(request.headers()), body);
    }

    /** Sends the request on once the team guard lets it: a team manager stays inside their own team. */
    private void guarded(RoutingContext context, Service service, ServiceRequest outgoing, Runnable send) {
        String path = context.normalizedPath();
        SecurityIdentity identity = identity(context);
        guard.refusal(identity, path, context.request().query(), outgoing.body()).subscribe().with(refusal -> {
            if (refusal.isPresent()) {
                LOG.infof("Forward refused: service=%s method=%s path=%s by=%s: another team's", service.title(),
                        outgoing.method(), path, identity.getPrincipal().getName());
                problems.refused(context.response(), 403, "Forbidden", refusal.get());
                return;
            }
            send.run();
        }, failure -> {
            LOG.errorf(failure, "Forward not checked: path=%s", path);
            problems.refused(context.response(), 500, "Internal Server Error",
                    "the gateway could not check the caller's team");
        });
    }

    private void relay(RoutingContext context, Service service, ServiceRequest outgoing, HttpResponse<Buffer> answer) {
        boolean head = HttpMethod.HEAD.equals(outgoing.method());
        if (!relayHead(context, service, answer.statusCode(), answer.statusMessage(), answer.headers().getDelegate(),
                head)) {
            return;
        }
        Buffer body = answer.body();
        if (body == null || head) {
            context.response().end();
        } else {
            context.response().end(body.getDelegate());
        }
    }

    /**
     * The answer to a file's call, piped to the caller as the service writes it. Broken off on either side, both
     * connections are reset, so the caller never takes part of an export for the whole of it.
     */
    private void relayFile(RoutingContext context, Service service, HttpClientResponse answer) {
        // the service's length, if it gave one, is the length of what is passed on
        if (!relayHead(context, service, answer.statusCode(), answer.statusMessage(), answer.headers(), true)) {
            answer.request().reset();
            return;
        }
        HttpServerResponse response = context.response();
        response.setChunked(!response.headers().contains(HttpHeaders.CONTENT_LENGTH));
        answer.pipe().endOnFailure(false).to(response).onFailure(broken -> {
            LOG.warnf("Forward broken off: service=%s path=%s reason=%s", service.title(), context.normalizedPath(),
                    broken.getClass().getSimpleName());
            response.reset();
            answer.request().reset();
        });
    }

    /** The service's status and headers on the caller's answer; false when the caller has gone or been answered. */
    private boolean relayHead(RoutingContext context, Service service, int status, String message, MultiMap headers,
                              boolean keepLength) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return false;
        }
        response.setStatusCode(status);
        if (message != null) {
            response.setStatusMessage(message);
        }
        response.headers().addAll(ForwardedHeaders.toCaller(headers, urls.of(service), origin(context.request()),
                keepLength));
        return true;
    }

    private void fail(RoutingContext context, Service service, ServiceRequest outgoing, Throwable failure) {
        if (failure instanceof CutOff cut) {
            // the caller has had its 413, or has gone
            LOG.infof("Forward cut off: service=%s method=%s path=%s reason=%s", service.title(), outgoing.method(),
                    context.normalizedPath(), cut.getMessage());
            return;
        }
        String reason = failure instanceof ServiceUnavailable unavailableService ? unavailableService.reason()
                : "forwarding failed (" + failure.getClass().getSimpleName() + ")";
        // ids only: the query string may carry names, so it is left out
        LOG.warnf("Forward failed: service=%s method=%s path=%s reason=%s", service.title(), outgoing.method(),
                context.normalizedPath(), reason);
        HttpServerResponse response = context.response();
        if (!response.ended() && !response.closed()) {
            problems.serviceUnavailable(response, service, reason);
        }
    }

    /** A body over the cap (413) or unreadable (400): answered as a problem, like every error here. */
    private void refused(RoutingContext context) {
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        if (status >= 500 || context.response().ended()) {
            context.next();
            return;
        }
        if (status == 413) {
            problems.refused(context.response(), 413, "Content Too Large",
                    "the request body is larger than " + config.maxBodySize().asLongValue() + " bytes");
        } else {
            problems.refused(context.response(), status, status == 400 ? "Bad Request" : "Request refused",
                    "the request could not be read");
        }
    }

    private void tooLarge(RoutingContext context, long cap) {
        problems.refused(context.response(), 413, "Content Too Large", "the file is larger than " + cap + " bytes");
    }

    private static SecurityIdentity identity(RoutingContext context) {
        return context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }

    /** The scheme and authority the caller used to reach the gateway. */
    private static String origin(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return "";
        }
        String host = authority.host();
        return request.scheme() + "://" + host + (authority.port() > 0 ? ":" + authority.port() : "");
    }
}
