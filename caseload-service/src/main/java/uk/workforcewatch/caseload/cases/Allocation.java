package uk.workforcewatch.caseload.cases;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import uk.workforcewatch.events.caseload.CaseAllocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One change of who holds a case: the allocation history. It took effect on {@code effectiveOn} and is in force until
 * {@code endedOn}, the day the next change in force (or the closure) took effect; when and by whom it was recorded
 * stay beside it. An allocation that broke a limit on a senior manager's say records the limits it broke and why. A
 * change recorded in error is not edited: a correction is a new row naming the row it corrects, which is then
 * superseded by it and stays for audit.
 */
@Entity
@Table(name = "allocation")
public class Allocation extends PanacheEntityBase implements Overridable {

    public enum Change {
        ALLOCATED,
        REALLOCATED,
        UNALLOCATED,
        /** Unallocated because the worker's leaving date came. */
        WORKER_LEFT,
        /** A correction saying that the change it corrects was recorded in error and never happened. */
        STRUCK_OUT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID caseId;

    /** The worker who holds the case from the effective date; empty when it became unallocated. */
    public UUID workerId;

    @Enumerated(EnumType.STRING)
    public Change change;

    /** The day the change took effect: the worker holds the case from that day. */
    public LocalDate effectiveOn;

    /** The day the next change in force took effect, or the case was closed; empty while it is the latest. */
    public LocalDate endedOn;

    public Instant recordedAt;

    /** Who made the change (the token's name), or {@code system} for a leaver's cases. */
    public String recordedBy;

    /** Why a senior manager let the allocation break a limit. */
    public String overrideReason;

    /** The limits the allocation broke, with their figures. */
    public String overridden;

    @Override
    public void overrideLimits(String broken, String reason) {
        overridden = broken;
        overrideReason = reason;
    }

    /** The change this one corrects, with why. */
    public Long corrects;

    public String correctionReason;

    /** The correction that replaced this change; empty while it is in force. */
    public Long supersededBy;

    static Allocation of(Case kase, UUID workerId, Change change, LocalDate effectiveOn, Instant at, String by) {
        Allocation allocation = new Allocation();
        allocation.caseId = kase.id;
        allocation.workerId = workerId;
        allocation.change = change;
        allocation.effectiveOn = effectiveOn;
        allocation.recordedAt = at;
        allocation.recordedBy = by;
        return allocation;
    }

    /** In force: neither replaced by a correction nor a correction striking another out. */
    boolean inForce() {
        return supersededBy == null && change != Change.STRUCK_OUT;
    }

    CaseAllocation holding() {
        return new CaseAllocation(workerId, effectiveOn, endedOn);
    }

    /** Every change of the case ever recorded, corrections and the changes they replaced included, in recording order. */
    static Uni<List<Allocation>> history(UUID caseId) {
        return list("caseId", Sort.by("id"), caseId);
    }

    /** The case's changes in force, in the order they took effect. */
    static Uni<List<Allocation>> inForce(UUID caseId) {
        return list("caseId = ?1 and supersededBy is null and change <> ?2 order by effectiveOn, id", caseId,
                Change.STRUCK_OUT);
    }

    static Uni<Holdings> holdingsOf(UUID caseId) {
        return holdingsOf(List.of(caseId)).map(found -> found.getOrDefault(caseId, new Holdings(List.of())));
    }

    /** The holdings in force of each case, in one statement; a case never held has none. */
    static Uni<Map<UUID, Holdings>> holdingsOf(Collection<UUID> caseIds) {
        return Allocation.<Allocation>list("caseId in ?1 and supersededBy is null and change <> ?2"
                        + " and workerId is not null order by effectiveOn, id", caseIds, Change.STRUCK_OUT)
                .map(rows -> rows.stream().collect(Collectors.groupingBy(row -> row.caseId, Collectors.collectingAndThen(
                        Collectors.mapping(Allocation::holding, Collectors.toList()), Holdings::new))));
    }

    /** Ends each case's latest change in force on the date, in one statement: from that day the next one holds. */
    static Uni<Integer> endLatest(Collection<UUID> caseIds, LocalDate on) {
        return update("endedOn = ?1 where caseId in ?2 and supersededBy is null and change <> ?3 and endedOn is null",
                on, caseIds, Change.STRUCK_OUT);
    }
}
