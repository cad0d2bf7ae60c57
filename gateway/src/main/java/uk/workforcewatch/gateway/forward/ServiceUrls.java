package uk.workforcewatch.gateway.forward;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Where each service listens; the defaults are the local stack's ports. */
@ConfigMapping(prefix = "services")
public interface ServiceUrls {

    @WithName("staffing.url")
    @WithDefault("http://localhost:8082")
    String staffing();

    @WithName("caseload.url")
    @WithDefault("http://localhost:8081")
    String caseload();

    @WithName("sickness.url")
    @WithDefault("http://localhost:8083")
    String sickness();

    /** The service's base URL without a trailing slash, so a path can be appended as it is. */
    default String of(Service service) {
        String url = switch (service) {
            case STAFFING -> staffing();
            case CASELOAD -> caseload();
            case SICKNESS -> sickness();
        };
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
