package uk.workforcewatch.gateway.rules;

import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.gateway.view.PostView;
import uk.workforcewatch.gateway.view.WorkerView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A team's staffing on a day by the census definitions (DOMAIN.md), worked out in one place for the staffing
 * rules and the team's picture. Only qualified social workers count (every role but support worker), and only
 * those employed on the day. A post is vacant when no permanent worker counted fills it, whether or not an
 * agency worker covers it.
 *
 * @param posts                  the team's qualified social work posts that exist on the day, by id
 * @param permanentHolders       the permanent worker counted in each filled post, by post id
 * @param permanent              the permanent qualified social workers employed on the day
 * @param agency                 the agency qualified social workers employed on the day
 * @param vacantPostIds          the posts no permanent worker fills
 */
public record TeamStaffing(List<PostView> posts, Map<UUID, WorkerView> permanentHolders, List<WorkerView> permanent,
                           List<WorkerView> agency, Set<UUID> vacantPostIds) {

    /** The census figures of the team on the day, from its workers and posts (others' are ignored). */
    public static TeamStaffing of(UUID teamId, List<WorkerView> workers, List<PostView> posts, LocalDate day) {
        List<WorkerView> counted = workers.stream()
                .filter(w -> teamId.equals(w.teamId) && w.employedOn(day) && w.role.isQualifiedSocialWorker())
                .sorted(Comparator.comparing((WorkerView w) -> w.name, Comparator.nullsLast(String::compareTo))
                        .thenComparing(w -> w.id))
                .toList();
        List<WorkerView> permanent = counted.stream().filter(w -> w.employment == Employment.PERMANENT).toList();
        List<WorkerView> agency = counted.stream().filter(w -> w.employment == Employment.AGENCY).toList();
        Map<UUID, WorkerView> holders = permanent.stream().filter(w -> w.postId != null)
                .collect(Collectors.toMap(w -> w.postId, Function.identity(), (first, second) -> first));
        List<PostView> counting = posts.stream()
                .filter(p -> teamId.equals(p.teamId) && p.role.isQualifiedSocialWorker() && p.existsOn(day))
                .sorted(Comparator.comparing((PostView p) -> p.establishedOn).thenComparing(p -> p.id))
                .toList();
        Set<UUID> vacant = counting.stream().map(p -> p.id).filter(id -> !holders.containsKey(id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<UUID, WorkerView> held = holders.entrySet().stream()
                .filter(e -> counting.stream().anyMatch(p -> p.id.equals(e.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new TeamStaffing(counting, held, permanent, agency, vacant);
    }

    /** The FTE of the posts counted. */
    public BigDecimal postsFte() {
        return posts.stream().map(p -> p.fte).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** FTE of the permanent qualified social workers in post on the day ("FTE in post"). */
    public BigDecimal permanentFte() {
        return fte(permanent);
    }

    public BigDecimal agencyFte() {
        return fte(agency);
    }

    /** Vacant FTE: the FTE of the posts no permanent worker fills. */
    public BigDecimal vacantFte() {
        return posts.stream().filter(p -> vacantPostIds.contains(p.id)).map(p -> p.fte)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The FTE of agency workers whose post is a vacant one: the agency cover of vacancies. */
    public BigDecimal agencyFteCoveringVacancies() {
        return fte(agency.stream().filter(w -> w.postId != null && vacantPostIds.contains(w.postId)).toList());
    }

    /** Vacant FTE ÷ (vacant FTE + permanent FTE); empty when both are nought. */
    public Optional<BigDecimal> vacancyRate() {
        BigDecimal vacant = vacantFte();
        return rate(vacant, vacant.add(permanentFte()));
    }

    /** Agency FTE ÷ (agency FTE + permanent FTE); empty when both are nought. */
    public Optional<BigDecimal> agencyRate() {
        BigDecimal agency = agencyFte();
        return rate(agency, agency.add(permanentFte()));
    }

    /** Agency FTE covering vacancies ÷ vacant FTE; empty when nothing is vacant. */
    public Optional<BigDecimal> agencyCoverOfVacancies() {
        return rate(agencyFteCoveringVacancies(), vacantFte());
    }

    /** A fraction to four places, half up; empty when the whole is nought. */
    static Optional<BigDecimal> rate(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? Optional.empty() : Optional.of(part.divide(whole, 4, RoundingMode.HALF_UP));
    }

    private static BigDecimal fte(List<WorkerView> workers) {
        return workers.stream().map(w -> w.fte).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
