package uk.workforcewatch.sickness;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** The clock every date is read from: the council's own time zone, replaceable in tests. */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/London"));
    }
}
