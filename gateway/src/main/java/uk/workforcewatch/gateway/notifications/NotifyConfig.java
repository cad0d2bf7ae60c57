package uk.workforcewatch.gateway.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Who hears of alerts, and how messages are grouped, repeated and retried. */
@ConfigMapping(prefix = "notify")
public interface NotifyConfig {

    Webhooks webhooks();

    Emails emails();

    /**
     * Receivers of one team's manager, by team id: they hear of that team's alerts for team managers, and no
     * other team's.
     */
    Map<UUID, TeamReceivers> teams();

    /** Alert changes of one team within this window go to a receiver as one message. */
    @WithDefault("30s")
    Duration groupWindow();

    /** A firing alert nobody has acknowledged is notified again after this long. */
    @WithDefault("4h")
    Duration repeatAfter();

    /** The first pause after a receiver refuses or fails; doubled each time, up to {@link #retryMax()}. */
    @WithDefault("2s")
    Duration retryMin();

    @WithDefault("10m")
    Duration retryMax();

    /** How long a receiver has to answer. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** How often owed messages are looked for and sent (a duration such as 1s, or off). */
    @WithDefault("1s")
    String dispatchEvery();

    /** Webhook receivers (URLs) per audience. */
    interface Webhooks {
        /** Senior managers hear of every alert. */
        Optional<List<String>> seniorManagers();

        /**
         * The shared channel of team managers (the HR portal): every team's alerts for team managers, each
         * message carrying its teamId. A manager's own receivers are in {@link #teams()}.
         */
        Optional<List<String>> teamManagers();

        /** HR officers hear of staffing alerts. */
        Optional<List<String>> hr();
    }

    /** E-mail addresses per audience, sent through the SMTP server of {@code quarkus.mailer.*}. */
    interface Emails {
        Optional<List<String>> seniorManagers();

        Optional<List<String>> teamManagers();

        Optional<List<String>> hr();
    }

    /** One team manager's webhook URLs and e-mail addresses. */
    interface TeamReceivers {
        Optional<List<String>> webhooks();

        Optional<List<String>> emails();
    }
}
