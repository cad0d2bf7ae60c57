package uk.workforcewatch.sickness.absence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.workforcewatch.access.Roles;
import uk.workforcewatch.events.absence.AbsenceThresholds;

/**
 * The absence thresholds in force, as every absence event carries them: this service's configuration owns them, so
 * whoever plans or judges absence (the demo loader, a council's own tools) reads them here rather than keeping a copy.
 */
@Path("/api/v1/absence-thresholds")
@Tag(name = "Absence")
public class AbsenceThresholdsResource {

    private final AbsenceThresholds thresholds;

    AbsenceThresholdsResource(AbsenceThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @GET
    @RolesAllowed({Roles.HR_OFFICER, Roles.SENIOR_MANAGER, Roles.TEAM_MANAGER})
    @Operation(summary = "The absence thresholds in force: long-term from longTermAfterDays calendar days, the Bradford "
            + "trigger, and the working days after the return day within which a return-to-work interview is due")
    public AbsenceThresholds current() {
        return thresholds;
    }
}
