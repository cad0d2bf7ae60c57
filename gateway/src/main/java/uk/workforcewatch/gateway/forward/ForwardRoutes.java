package uk.workforcewatch.gateway.forward;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
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
import java.util.TreeSet;

/**
 * The gateway's forwarding: every path of the services' public API, as the {@link RouteTable} says, goes
 * to its service on the event loop and the service's answer comes back unchanged, so the HR portal needs
 * only the gateway's address. The routes come before Quarkus REST's, after authentication and the
 * path rule of {@link ForwardSecurity}.
 */
@ApplicationScoped
public class ForwardRoutes {

    /** Before Quarkus REST (which is at the default order or later), after the security filters. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

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
        String roots = String.join("|", new TreeSet<>(RouteTable.forwardedRoots()));
        router.routeWithRegex("/api/v1/(" + roots + ")(/.*)?")
                .order(ORDER)
                // the body is held whole (up to the cap) so it can be sent as it came
                .handler(BodyHandler.create(false).setBodyLimit(config.maxBodySize().asLongValue()))
                .handler(this::forward)
                .failureHandler(this::refused);
    }

    private void forward(RoutingContext context) {
        String path = context.normalizedPath();
        Optional<Service> owner = RouteTable.ownerOf(path);
        if (owner.isEmpty()) {
            context.next();
            return;
        }
        Service service = owner.get();
        HttpServerRequest request = context.request();
        String query = request.query();
        ServiceRequest outgoing = new ServiceRequest(request.method(), query == null ? path : path + "?" + query,
                ForwardedHeaders.toService(request.headers()), context.body().buffer());
        SecurityIdentity identity = identity(context);
        guard.refusal(identity, path, query, outgoing.body()).subscribe().with(refusal -> {
            if (refusal.isPresent()) {
                LOG.infof("Forward refused: service=%s method=%s path=%s by=%s: another team's", service.title(),
                        outgoing.method(), path, identity.getPrincipal().getName());
                problems.refused(context.response(), 403, "Forbidden", refusal.get());
                return;
            }
            caller.call(service, outgoing)
                    .call(answer -> decisions.record(identity, request.method(), path, query, answer.statusCode(),
                            answer.body()))
                    .subscribe().with(
                            answer -> relay(context, service, outgoing, answer),
                            failure -> fail(context, service, outgoing, failure));
        }, failure -> {
            LOG.errorf(failure, "Forward not checked: path=%s", path);
            problems.refused(context.response(), 500, "Internal Server Error",
                    "the gateway could not check the caller's team");
        });
    }

    private void relay(RoutingContext context, Service service, ServiceRequest outgoing, HttpResponse<Buffer> answer) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        boolean head = HttpMethod.HEAD.equals(outgoing.method());
        response.setStatusCode(answer.statusCode());
        if (answer.statusMessage() != null) {
            response.setStatusMessage(answer.statusMessage());
        }
        response.headers().addAll(ForwardedHeaders.toCaller(answer.headers().getDelegate(), urls.of(service),
                origin(context.request()), head));
        Buffer body = answer.body();
        if (body == null || head) {
            response.end();
        } else {
            response.end(body.getDelegate());
        }
    }

    private void fail(RoutingContext context, Service service, ServiceRequest outgoing, Throwable failure) {
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
