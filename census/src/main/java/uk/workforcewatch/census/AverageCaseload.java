package uk.workforcewatch.census;

import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The census's average caseload (DOMAIN.md): cases held ÷ FTE of the social workers, agency included, who hold at
 * least one case, on a date. Support workers are not social workers and count on neither side. One decimal place,
 * as the department publishes it; empty when no social worker holds a case.
 */
public final class AverageCaseload {

    /** A worker on the date: whether a social worker then, their FTE then, and the cases they held. */
    public record Holder(boolean socialWorker, BigDecimal fte, int cases) {

        public static Holder of(Role role, BigDecimal fte, int cases) {
            return new Holder(role.isQualifiedSocialWorker(), fte, cases);
        }
    }

    /** The figure with the two sums it divides, for a reader to check. */
    public record Figure(int casesHeld, BigDecimal caseHolderFte, BigDecimal average) {
    }

    private AverageCaseload() {
    }

    public static Optional<Figure> of(Collection<Holder> workers) {
        List<Holder> holding = workers.stream()
                .filter(worker -> worker.cases() > 0 && worker.socialWorker()).toList();
        BigDecimal fte = holding.stream().map(Holder::fte).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (fte.signum() == 0) {
            return Optional.empty();
        }
        int cases = holding.stream().mapToInt(Holder::cases).sum();
        // 10.000000 FTE reads 10, never 1E+1
        BigDecimal plain = fte.stripTrailingZeros();
        return Optional.of(new Figure(cases, plain.scale() < 0 ? plain.setScale(0) : plain,
                BigDecimal.valueOf(cases).divide(fte, 1, RoundingMode.HALF_UP)));
    }
}
