package uk.workforcewatch.gateway.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Monday to Friday, less the bank holidays of England and Wales (configurable). */
@ApplicationScoped
public class WorkingDays {

    /** England and Wales, 2025 to 2027. */
    static final List<LocalDate> ENGLAND_AND_WALES = Stream.of(
            "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
            "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
            "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28")
            .map(LocalDate::parse).toList();

    private final Set<LocalDate> holidays;

    @Inject
    WorkingDays(RulesConfig config) {
        this(config.bankHolidays().orElse(ENGLAND_AND_WALES));
    }

    WorkingDays(List<LocalDate> holidays) {
        this.holidays = holidays.stream().collect(Collectors.toUnmodifiableSet());
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /** Working days after {@code from} up to and including {@code to}: whole working days waited. */
    public int between(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                days++;
            }
        }
        return days;
    }
}
