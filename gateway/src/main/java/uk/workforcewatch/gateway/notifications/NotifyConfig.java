package uk.workforcewatch.gateway.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Who hears of alerts, and how messages are grouped, repeated and retried. */
@ConfigMapping(prefix = "notify")
public interface NotifyConfig {

    Webhooks webhooks();

    Emails emails();

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

        /** Team managers hear of their teams' caseload alerts. */
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
}
