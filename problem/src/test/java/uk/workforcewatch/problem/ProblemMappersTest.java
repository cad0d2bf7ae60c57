package uk.workforcewatch.problem;

import io.smallrye.mutiny.CompositeException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.calendar.DateOutsideCalendarException;
import uk.workforcewatch.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A date outside the working-day calendar, as a problem: 400, naming the supported years (and the field, up front);
 * the database out of reach, as a 503 to retry.
 */
class ProblemMappersTest {

    @Test
    void aCountReachingOutsideTheCalendarIsA400NamingTheDateAndTheSupportedYears() {
        DateOutsideCalendarException outside = assertThrows(DateOutsideCalendarException.class,
                () -> WorkingDays.englandAndWales().countInclusive(LocalDate.of(2030, 12, 1), LocalDate.of(2031, 1, 6)));

        Response response = new ProblemMappers().outsideCalendar(outside);

        assertEquals(400, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertTrue(problem.detail().contains("2031-01-06") && problem.detail().contains("supported years 2018 to 2030"),
                problem.detail());
        assertEquals(Map.of("first", 2018, "last", 2030), problem.members().get("supportedYears"));
    }

    @Test
    void aRequestsOwnDateIsRefusedNamingItsField() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> CalendarDates.require("startDate", LocalDate.of(2031, 3, 3)));
        Problem problem = refused.toProblem();
        assertEquals(400, problem.status());
        assertEquals(List.of(new Problem.Violation("startDate",
                "2031-03-03 lies outside the supported years 2018 to 2030 of the working-day calendar")),
                problem.violations());
        assertDoesNotThrow(() -> CalendarDates.require("startDate", LocalDate.of(2018, 1, 1)));
        assertDoesNotThrow(() -> CalendarDates.require("startDate", null));

        Problem period = assertThrows(ProblemException.class, () -> CalendarDates.requirePeriod("referenceDate",
                "its collection year", LocalDate.of(2017, 10, 1), LocalDate.of(2018, 9, 30))).toProblem();
        assertEquals("referenceDate", period.violations().get(0).field());
        assertTrue(period.detail().contains("2017-10-01 to 2018-09-30") && period.detail().contains("2018 to 2030"),
                period.detail());
    }

    @Test
    void aDatabaseOutOfReachIsA503ToRetryWhateverWrapsIt() {
        ProblemMappers mappers = new ProblemMappers();
        List<Throwable> lost = List.of(
                new org.hibernate.HibernateException(new java.net.SocketException("Connection reset")),
                new CompositeException(new IllegalStateException("rollback failed"),
                        io.vertx.sqlclient.ClosedConnectionException.INSTANCE),
                new java.util.concurrent.CompletionException(new java.sql.SQLException("terminating connection", "57P01")),
                new java.sql.SQLException("connection refused", "08001"),
                new CompositeException(new org.hibernate.HibernateException(new io.vertx.core.impl.NoStackTraceThrowable(
                        "Connection is not active now, current status: CLOSED"))));
        for (Throwable failure : lost) {
            Response response = mappers.unexpected(failure);
            assertEquals(503, response.getStatus(), failure.toString());
            assertEquals("2", response.getHeaderString("Retry-After"));
        }
        assertEquals(500, mappers.unexpected(new java.sql.SQLException("duplicate key", "23505")).getStatus());
        assertEquals(500, mappers.unexpected(new IllegalStateException("a bug")).getStatus());
    }
}
