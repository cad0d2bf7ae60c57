package uk.workforcewatch.caseload.limits;

import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.problem.ProblemException;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may hold cases (DOMAIN.md): social workers, senior practitioners and newly qualified (ASYE) workers. Judged by
 * the role the worker had on the day the holding takes effect, on every path that makes a worker hold a case:
 * allocating, opening allocated, correcting the history, a council's cases file, and the dry run that asks first.
 */
public final class CaseHolders {

    private CaseHolders() {
    }

    /** Why a worker in the role on the day may not hold a case, said of the worker; empty when they may. */
    public static Optional<String> refusal(Role role, LocalDate on) {
        // no default: a role staffing adds later must be placed here on purpose
        String why = switch (role) {
            case SOCIAL_WORKER, SENIOR_PRACTITIONER, ASYE -> null;
            case TEAM_MANAGER -> "was a team manager on " + on
                    + ", and team managers allocate and supervise their team's cases rather than hold them";
            case SUPPORT_WORKER -> "was a support worker on " + on
                    + ", and support workers are not qualified social workers: they hold no statutory case";
        };
        return Optional.ofNullable(why);
    }

    /** A 400 naming {@code workerId} when the worker's role on the day holds no cases. */
    public static void require(UUID workerId, Role role, LocalDate on) {
        refusal(role, on).ifPresent(why -> {
            throw ProblemException.invalid("workerId", "worker " + workerId + " " + why);
        });
    }
}
