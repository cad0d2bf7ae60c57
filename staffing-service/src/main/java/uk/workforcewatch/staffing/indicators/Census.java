package uk.workforcewatch.staffing.indicators;

import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.staffing.posts.Post;
import uk.workforcewatch.staffing.posts.Recruitment;
import uk.workforcewatch.staffing.workers.Period;
import uk.workforcewatch.staffing.workers.Worker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The workforce census figures (DOMAIN.md) over a set of workers and posts, as of a date, for one
 * team or the whole council. Only qualified social workers count (every role but support worker);
 * "in post" is permanent and employed on the date; starters and leavers are counted by their FTE on
 * their first and last day, in the twelve months ending on the date. Pure: it reads nothing itself.
 */
public final class Census {

    private static final int RATE_SCALE = 4;

    private final LocalDate date;
    private final LocalDate yearStart;
    private final Predicate<UUID> inScope;
    private final List<Worker> workers;
    private final List<Post> posts;
    /** Workers employed on the date, by the post their period then names. */
    private final Map<UUID, List<Worker>> fillersByPost;

    /** {@code teamId} empty means the whole council. */
    public Census(LocalDate date, Optional<UUID> teamId, List<Worker> workers, List<Post> posts) {
        this.date = date;
        this.yearStart = date.minusYears(1).plusDays(1);
        this.inScope = team -> teamId.isEmpty() || teamId.get().equals(team);
        this.workers = workers;
        this.posts = posts;
        this.fillersByPost = workers.stream()
                .filter(w -> w.employedOn(date) && periodOn(w, date).postId != null)
                .collect(Collectors.groupingBy(w -> periodOn(w, date).postId));
    }

    public Indicators indicators() {
        List<Worker> inPost = counted(Employment.PERMANENT, date).toList();
        List<Worker> agency = counted(Employment.AGENCY, date).toList();
        BigDecimal fteInPost = fteOn(inPost, date);
        BigDecimal agencyFte = fteOn(agency, date);

        List<Worker> starters = workers.stream()
                .filter(w -> w.employment == Employment.PERMANENT && inYear(w.startDate))
                .filter(w -> countedOn(w, w.startDate)).toList();
        List<Worker> leavers = workers.stream()
                .filter(w -> w.employment == Employment.PERMANENT && w.leftOn != null && inYear(w.leftOn))
                .filter(w -> countedOn(w, w.leftOn)).toList();
        BigDecimal starterFte = starters.stream().map(w -> fte(w, w.startDate)).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal leaverFte = leavers.stream().map(w -> fte(w, w.leftOn)).reduce(BigDecimal.ZERO, BigDecimal::add);

        List<Post> vacant = vacantPosts();
        BigDecimal vacantFte = vacant.stream().map(p -> p.fte).reduce(BigDecimal.ZERO, BigDecimal::add);
        Set<UUID> vacantIds = vacant.stream().map(p -> p.id).collect(Collectors.toSet());
        BigDecimal agencyCoverFte = agency.stream()
                .filter(w -> vacantIds.contains(periodOn(w, date).postId))
                .map(w -> fte(w, date)).reduce(BigDecimal.ZERO, BigDecimal::add);

        return new Indicators(date, fteInPost, inPost.size(), agencyFte, agency.size(),
                starterFte, starters.size(), leaverFte, leavers.size(), vacantFte, vacant.size(), agencyCoverFte,
                ratio(leaverFte, fteInPost),
                ratio(agencyFte, agencyFte.add(fteInPost)),
                ratio(vacantFte, vacantFte.add(fteInPost)),
                ratio(agencyCoverFte, vacantFte),
                averageDaysFromOfferToStart());
    }

    /** Posts of qualified roles in the structure on the date that no permanent worker fills. */
    public List<Post> vacantPosts() {
        return posts.stream()
                .filter(p -> inScope.test(p.teamId) && p.role.isQualifiedSocialWorker() && p.existsOn(date))
                .filter(p -> fillers(p).noneMatch(w -> w.employment == Employment.PERMANENT))
                .toList();
    }

    /** Workers employed on the date whose period then names the post. */
    public Stream<Worker> fillers(Post post) {
        return fillersByPost.getOrDefault(post.id, List.of()).stream();
    }

    private Stream<Worker> counted(Employment employment, LocalDate on) {
        return workers.stream().filter(w -> w.employment == employment && w.employedOn(on) && countedOn(w, on));
    }

    /** In scope and a qualified social worker on the date. */
    private boolean countedOn(Worker worker, LocalDate on) {
        Period period = periodOn(worker, on);
        return inScope.test(period.teamId) && period.role.isQualifiedSocialWorker();
    }

    private boolean inYear(LocalDate day) {
        return !day.isBefore(yearStart) && !day.isAfter(date);
    }

    private BigDecimal averageDaysFromOfferToStart() {
        List<Long> days = posts.stream().filter(p -> inScope.test(p.teamId))
                .flatMap(p -> p.recruitment.stream())
                .filter(round -> round.startsOn != null && inYear(round.startsOn))
                .map(Recruitment::daysFromOfferToStart)
                .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).toList();
        if (days.isEmpty()) {
            return null;
        }
        return BigDecimal.valueOf(days.stream().mapToLong(Long::longValue).sum())
                .divide(BigDecimal.valueOf(days.size()), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal fteOn(List<Worker> workers, LocalDate on) {
        return workers.stream().map(w -> fte(w, on)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal fte(Worker worker, LocalDate on) {
        return periodOn(worker, on).fte;
    }

    private static Period periodOn(Worker worker, LocalDate on) {
        return worker.periodOn(on).orElse(worker.periods.get(0));
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, RATE_SCALE, RoundingMode.HALF_UP);
    }
}
