package uk.workforcewatch.sickness.absence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.Certification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Absence episodes on the wire. */
public final class AbsenceApi {

    private AbsenceApi() {
    }

    /**
     * Records an episode; with {@code endDate} it is recorded already over, and may come with the return-to-work
     * interview held since.
     */
    public record RecordAbsence(@NotNull UUID workerId, @NotNull LocalDate startDate, @NotNull AbsenceReason reason,
                                @NotNull Certification certification, LocalDate endDate,
                                @Valid HeldInterview returnInterview) {
    }

    /** A return-to-work interview held: when, and who held it. */
    public record HeldInterview(@NotNull LocalDate heldOn, @NotBlank @Size(max = 200) String heldBy) {
    }

    /** Corrects the reason or the certification (a fit note arrives); at least one of them. */
    public record ChangeAbsence(AbsenceReason reason, Certification certification, Long version) {
    }

    /** Ends the episode: {@code endDate} is the last day absent. */
    public record EndAbsence(@NotNull LocalDate endDate, Long version) {
    }

    /** The return-to-work interview: when, and who held it. */
    public record ReturnInterview(@NotNull LocalDate heldOn, @NotBlank @Size(max = 200) String heldBy, Long version) {
    }

    /**
     * An episode with its figures as of {@code asOf}: working days lost (times FTE), working and calendar days
     * so far, and whether it is long-term. {@code reason} is empty for readers who may not see health data.
     */
    public record AbsenceView(UUID id, UUID workerId, UUID teamId, LocalDate startDate, LocalDate endDate,
                              boolean open, AbsenceReason reason, Certification certification,
                              LocalDate returnInterviewOn, String returnInterviewBy, LocalDate asOf,
                              int workingDays, BigDecimal workingDaysLost, long calendarDays, boolean longTerm,
                              long version) {
    }
}
