package uk.workforcewatch.stack.demo;

import uk.workforcewatch.events.staffing.Employment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * A team's staffing today by the census definitions the gateway's team rules use: permanent and agency FTE
 * of the workers employed today, vacant FTE of the posts no permanent worker fills, and the rates (to four
 * places, as the gateway rounds them). Lets the plan be checked against the 20% and 25% thresholds.
 */
record TeamStaffing(BigDecimal permanentFte, BigDecimal agencyFte, BigDecimal vacantFte) {

    static TeamStaffing of(CouncilPlan plan, String teamKey) {
        List<CouncilPlan.Worker> employed = plan.workersOf(teamKey).stream()
                .filter(w -> w.employedOn(plan.today())).toList();
        return new TeamStaffing(fte(employed, Employment.PERMANENT), fte(employed, Employment.AGENCY),
                plan.vacantPosts(Optional.of(teamKey)).stream().map(CouncilPlan.Post::fte)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Vacant FTE ÷ (vacant FTE + permanent FTE). */
    BigDecimal vacancyRate() {
        return rate(vacantFte, vacantFte.add(permanentFte));
    }

    /** Agency FTE ÷ (agency FTE + permanent FTE). */
    BigDecimal agencyRate() {
        return rate(agencyFte, agencyFte.add(permanentFte));
    }

    private static BigDecimal fte(List<CouncilPlan.Worker> workers, Employment employment) {
        return workers.stream().filter(w -> w.employment() == employment).map(CouncilPlan.Worker::fte)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal rate(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}
