package uk.workforcewatch.staffing.teams;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.workforcewatch.events.staffing.ServiceArea;

import java.util.UUID;

/** The team's records on the wire. */
public final class TeamApi {

    private TeamApi() {
    }

    public record CreateTeam(
            @NotBlank @Size(max = 200) String name,
            @NotNull ServiceArea serviceArea,
            UUID managerId) {
    }

    /** Changes only what it names; {@code version}, when given, must be the stored one. */
    public record ChangeTeam(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            ServiceArea serviceArea,
            UUID managerId,
            Long version) {
    }

    public record TeamView(UUID id, String name, ServiceArea serviceArea, UUID managerId, long version) {

        static TeamView of(Team team) {
            return new TeamView(team.id, team.name, team.serviceArea, team.managerId, team.version);
        }
    }
}
