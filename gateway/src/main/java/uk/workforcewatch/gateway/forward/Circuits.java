package uk.workforcewatch.gateway.forward;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/** A circuit per service, so one service being down never stops calls to the others. */
@ApplicationScoped
public class Circuits {

    private final Map<Service, CircuitBreaker> byService = new EnumMap<>(Service.class);

    Circuits(ForwardConfig config) {
        for (Service service : Service.values()) {
            byService.put(service, new CircuitBreaker(config.circuitFailures(), config.circuitOpenFor(),
                    System::nanoTime));
        }
    }

    public CircuitBreaker of(Service service) {
        return byService.get(service);
    }

    /** Closes every circuit, forgetting the failures counted so far. */
    public void resetAll() {
        byService.values().forEach(CircuitBreaker::reset);
    }
}
