package uk.workforcewatch.gateway.forward;

import io.quarkus.vertx.http.security.HttpSecurity;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import uk.workforcewatch.access.Roles;

/**
 * Who may call the forwarded paths at the gateway. The forwarding routes are not JAX-RS resources, so
 * {@code deny-unannotated-endpoints} does not cover them: this rule does, built from the route table so
 * a newly forwarded path can never be left open. The services check the token and roles again.
 */
@Singleton
public class ForwardSecurity {

    void secure(@Observes HttpSecurity http) {
        String[] paths = RouteTable.forwardedRoots().stream()
                .flatMap(root -> java.util.stream.Stream.of(RouteTable.PREFIX + root, RouteTable.PREFIX + root + "/*"))
                .sorted()
                .toArray(String[]::new);
        http.path(paths).roles(Roles.TEAM_MANAGER, Roles.SENIOR_MANAGER, Roles.HR_OFFICER);
    }
}
