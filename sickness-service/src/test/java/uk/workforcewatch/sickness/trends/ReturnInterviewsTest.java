package uk.workforcewatch.sickness.trends;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.Certification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReturnInterviewsTest {

    private final ReturnInterviews interviews = new ReturnInterviews(WorkingDays.englandAndWales(), 3);
    private static final LocalDate AS_OF = LocalDate.parse("2025-06-12"); // a Thursday

    static Spell spell(String end, String heldOn) {
        return new Spell(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), LocalDate.parse(end).minusDays(3),
                LocalDate.parse(end), AbsenceReason.OTHER, Certification.SELF_CERTIFIED,
                heldOn == null ? null : LocalDate.parse(heldOn));
    }

    @Test
    void dueFromTheReturnDayAndOverdueAfterThreeWorkingDays() {
        Spell backTuesday = spell("2025-06-09", null);  // back Tue 10 June: 11, 12 = 2 working days since
        Spell backSaturday = spell("2025-06-06", null); // back Sat 7 June: 9, 10, 11, 12 = 4 working days since
        Spell backToday = spell("2025-06-11", null);    // back Thu 12 June: 0 days since
        Spell interviewed = spell("2025-06-04", "2025-06-05");
        Spell backTomorrow = spell("2025-06-12", null);
        var due = interviews.due(AS_OF, List.of(backTuesday, backSaturday, interviewed, backTomorrow, backToday));
        assertEquals(List.of(backSaturday, backTuesday, backToday),
                due.stream().map(ReturnInterviews.Due::spell).toList());
        assertEquals(LocalDate.parse("2025-06-07"), due.get(0).returnDay());
        assertEquals(4, due.get(0).workingDaysSince());
        assertEquals(5, due.get(0).calendarDaysSince());
        assertTrue(due.get(0).overdue());
        assertEquals(2, due.get(1).workingDaysSince());
        assertFalse(due.get(1).overdue());
        assertEquals(0, due.get(2).workingDaysSince());
        assertFalse(due.get(2).overdue());
        // on the third working day it is not yet overdue
        assertFalse(interviews.due(LocalDate.parse("2025-06-11"), List.of(backSaturday)).get(0).overdue());
    }

    @Test
    void theReturnDayIsTheDayAfterTheLastDayAbsent() {
        assertEquals(LocalDate.parse("2025-06-07"), interviews.returnDay(spell("2025-06-06", null)));
    }

    @Test
    void theAllowanceCountsWorkingDaysSoBankHolidaysAndWeekendsDoNotCount() {
        // back Fri 23 May 2025; Mon 26 May is a bank holiday: 27, 28, 29 May are the 3 working days
        assertTrue(interviews.heldInTime(spell("2025-05-22", "2025-05-29")));
        assertFalse(interviews.heldInTime(spell("2025-05-22", "2025-05-30")));
        // on the last day absent or the return day: in time
        assertTrue(interviews.heldInTime(spell("2025-05-22", "2025-05-22")));
        assertFalse(interviews.heldInTime(spell("2025-05-22", null)));
    }

    @Test
    void theShareHeldInTimeOfTheReturnsInThePeriod() {
        var report = interviews.timeliness(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-30"), List.of(
                spell("2025-06-06", null),
                spell("2025-06-04", "2025-06-05"),         // in time
                spell("2025-06-12", "2025-06-20"),         // back 13 June, held 5 working days later: late
                spell("2025-05-29", "2025-06-02"),         // back Fri 30 May: before the period
                spell("2025-05-31", null),                 // back Sun 1 June: in it
                spell("2025-06-30", null)));               // back 1 July: after it
        assertEquals(4, report.returns());
        assertEquals(2, report.interviewsHeld());
        assertEquals(1, report.heldInTime());
        assertEquals(new BigDecimal("0.2500"), report.shareHeldInTime());
        assertNull(interviews.timeliness(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-30"), List.of())
                .shareHeldInTime());
    }
}
