package uk.workforcewatch.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.TcpProxy;

import java.util.Map;

/**
 * The gateway's reactive connections to the test database go through a {@link TcpProxy} that a test can cut and
 * restore, and a change that fails is retried for seconds instead of minutes, so giving up can be seen too.
 */
public class FlakyDatabase implements QuarkusTestResourceLifecycleManager {

    static final String GIVE_UP_AFTER = "8s";
    private static TcpProxy proxy;

    @Override
    public synchronized Map<String, String> start() {
        Map<String, String> environment = new ServiceTestEnvironment().start();
        if (proxy == null) {
            proxy = TcpProxy.start(TcpProxy.freePort(), ServiceTestEnvironment.database().port());
        }
        return Map.of("quarkus.datasource.reactive.url", "postgresql://localhost:" + proxy.port() + "/postgres",
                "consumer.retry.backoff-min", "100ms",
                "consumer.retry.backoff-max", "1s",
                "consumer.retry.give-up-after", GIVE_UP_AFTER,
                "kafka.bootstrap.servers", environment.get("kafka.bootstrap.servers"));
    }

    @Override
    public void stop() {
        proxy.restore();
    }

    static TcpProxy proxy() {
        return proxy;
    }
}
