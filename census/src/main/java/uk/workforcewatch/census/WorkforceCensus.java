package uk.workforcewatch.census;

import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.PostState;
import uk.workforcewatch.events.staffing.RecruitmentState;
import uk.workforcewatch.events.staffing.WorkerPeriod;
import uk.workforcewatch.events.staffing.WorkerState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static uk.workforcewatch.census.Employments.employedOn;
import static uk.workforcewatch.census.Employments.periodOrFirst;

/**
 * The workforce census figures (DOMAIN.md) on a date, for one team or the whole council, over workers and posts as
 * staffing-service publishes them: the one calculation behind staffing's indicators and the gateway's census
 * return. Only qualified social workers count (every role but support worker); "in post" is permanent and employed
 * on the date; starters and leavers are counted by their FTE on their first and last day, in the twelve months
 * ending on the date. Workers and posts outside the date's facts are left out here, so callers may pass more.
 */
public final class WorkforceCensus {

    private static final int RATE_SCALE = 4;

    private final LocalDate date;
    private final LocalDate yearStart;
    private final Predicate<UUID> inScope;
    private final List<WorkerState> workers;
    private final List<PostState> posts;
    /** Workers employed on the date, by the post their period then names. */
    private final Map<UUID, List<WorkerState>> fillersByPost;

    /** {@code teamId} empty means the whole council. */
    public WorkforceCensus(LocalDate date, Optional<UUID> teamId, List<WorkerState> workers, List<PostState> posts) {
        this.date = date;
        this.yearStart = date.minusYears(1).plusDays(1);
        this.inScope = team -> teamId.isEmpty() || teamId.get().equals(team);
        this.workers = workers;
        this.posts = posts;
        this.fillersByPost = workers.stream()
                .filter(w -> employedOn(w, date) && periodOrFirst(w, date).postId() != null)
                .collect(Collectors.groupingBy(w -> periodOrFirst(w, date).postId()));
    }

    public Indicators indicators() {
        List<WorkerState> inPost = counted(Employment.PERMANENT).toList();
        List<WorkerState> agency = counted(Employment.AGENCY).toList();
        BigDecimal fteInPost = fteOn(inPost, date);
        BigDecimal agencyFte = fteOn(agency, date);

        List<WorkerState> starters = workers.stream()
                .filter(w -> w.employment() == Employment.PERMANENT && inYear(w.startDate()))
                .filter(w -> countedOn(w, w.startDate())).toList();
        List<WorkerState> leavers = workers.stream()
                .filter(w -> w.employment() == Employment.PERMANENT && w.leftOn() != null && inYear(w.leftOn()))
                .filter(w -> countedOn(w, w.leftOn())).toList();
        BigDecimal starterFte = starters.stream().map(w -> fte(w, w.startDate())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal leaverFte = leavers.stream().map(w -> fte(w, w.leftOn())).reduce(BigDecimal.ZERO, BigDecimal::add);

        List<PostState> vacant = vacantPosts();
        BigDecimal vacantFte = vacant.stream().map(PostState::fte).reduce(BigDecimal.ZERO, BigDecimal::add);
        Set<UUID> vacantIds = vacant.stream().map(PostState::id).collect(Collectors.toSet());
        BigDecimal agencyCoverFte = agency.stream()
                .filter(w -> vacantIds.contains(periodOrFirst(w, date).postId()))
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
    public List<PostState> vacantPosts() {
        return posts.stream()
                .filter(p -> inScope.test(p.teamId()) && p.role().isQualifiedSocialWorker() && existsOn(p, date))
                .filter(p -> fillers(p).noneMatch(w -> w.employment() == Employment.PERMANENT))
                .toList();
    }

    /** Workers employed on the date whose period then names the post. */
    public Stream<WorkerState> fillers(PostState post) {
        return fillersByPost.getOrDefault(post.id(), List.of()).stream();
    }

    /** The worker's FTE on a day: that of the period then in force. */
    public static BigDecimal fte(WorkerState worker, LocalDate on) {
        return periodOrFirst(worker, on).fte();
    }

    /** In the structure on the date: established by then and not yet removed. */
    public static boolean existsOn(PostState post, LocalDate date) {
        return !date.isBefore(post.establishedOn()) && (post.removedOn() == null || !date.isAfter(post.removedOn()));
    }

    private Stream<WorkerState> counted(Employment employment) {
        return workers.stream()
                .filter(w -> w.employment() == employment && employedOn(w, date) && countedOn(w, date));
    }

    /** In scope and a qualified social worker on the date. */
    private boolean countedOn(WorkerState worker, LocalDate on) {
        WorkerPeriod period = periodOrFirst(worker, on);
        return inScope.test(period.teamId()) && period.role().isQualifiedSocialWorker();
    }

    private boolean inYear(LocalDate day) {
        return !day.isBefore(yearStart) && !day.isAfter(date);
    }

    private BigDecimal averageDaysFromOfferToStart() {
        List<Long> days = posts.stream().filter(p -> inScope.test(p.teamId()))
                .flatMap(p -> p.recruitment().stream())
                .filter(round -> round.startsOn() != null && round.offerMadeOn() != null && inYear(round.startsOn()))
                .map(WorkforceCensus::daysFromOfferToStart).toList();
        if (days.isEmpty()) {
            return null;
        }
        return BigDecimal.valueOf(days.stream().mapToLong(Long::longValue).sum())
                .divide(BigDecimal.valueOf(days.size()), 1, RoundingMode.HALF_UP);
    }

    private static long daysFromOfferToStart(RecruitmentState round) {
        return ChronoUnit.DAYS.between(round.offerMadeOn(), round.startsOn());
    }

    private static BigDecimal fteOn(List<WorkerState> workers, LocalDate on) {
        return workers.stream().map(w -> fte(w, on)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, RATE_SCALE, RoundingMode.HALF_UP);
    }
}
