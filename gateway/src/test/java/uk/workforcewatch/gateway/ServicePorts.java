package uk.workforcewatch.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import uk.workforcewatch.gateway.forward.Service;
import uk.workforcewatch.testing.TcpProxy;

import java.util.EnumMap;
import java.util.Map;

/**
 * Points the gateway at a free loopback port per service, where nothing listens until a test puts
 * something there (a {@link SilentService}): the services' real code is tested by the system test.
 */
public class ServicePorts implements QuarkusTestResourceLifecycleManager {

    private static final Map<Service, Integer> PORTS = new EnumMap<>(Service.class);

    @Override
    public synchronized Map<String, String> start() {
        if (PORTS.isEmpty()) {
            for (Service service : Service.values()) {
                PORTS.put(service, TcpProxy.freePort());
            }
        }
        return Map.of(
                "services.staffing.url", url(Service.STAFFING),
                "services.caseload.url", url(Service.CASELOAD),
                "services.sickness.url", url(Service.SICKNESS));
    }

    @Override
    public void stop() {
        // nothing runs here between tests
    }

    public static synchronized int port(Service service) {
        return PORTS.get(service);
    }

    public static String url(Service service) {
        return "http://127.0.0.1:" + port(service);
    }
}
