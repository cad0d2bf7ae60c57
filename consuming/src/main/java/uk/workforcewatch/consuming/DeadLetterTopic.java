package uk.workforcewatch.consuming;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the service's dead-letter topic when it starts, cleaned by age, so that it exists with its own
 * settings before the first record needs it instead of being made by the broker's defaults. A broker not reachable
 * yet is tried again in the background: the service starts either way.
 */
@ApplicationScoped
public class DeadLetterTopic {

    private static final Logger LOG = Logger.getLogger(DeadLetterTopic.class);
    private static final Duration RETENTION = Duration.ofDays(14);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final String topic;
    private final Optional<Short> replicationFactor;

    DeadLetterTopic(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                    @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic") String topic,
                    @ConfigProperty(name = "outbox.topic-replication-factor") Optional<Short> replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.replicationFactor = replicationFactor;
    }

    void onStart(@Observes StartupEvent started) {
        Thread creator = new Thread(this::createUntilDone, "dead-letter-topic");
        creator.setDaemon(true);
        creator.start();
    }

    private void createUntilDone() {
        Duration pause = Duration.ofMillis(500);
        while (!create()) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(PATIENCE) > 0 ? PATIENCE : pause.multipliedBy(2);
        }
    }

    /** Whether the topic exists now. */
    boolean create() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        try (Admin admin = Admin.create(properties)) {
            NewTopic deadLetters = new NewTopic(topic, Optional.of(1), replicationFactor).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, String.valueOf(RETENTION.toMillis())));
            admin.createTopics(List.of(deadLetters)).all().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("Created the dead-letter topic %s", topic);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return true;
            }
            LOG.warnf("Dead-letter topic %s not created yet: %s", topic, e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception e) {
            LOG.warnf("Dead-letter topic %s not created yet: %s", topic, e.toString());
            return false;
        }
    }
}
