package uk.workforcewatch.gateway.view;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import uk.workforcewatch.events.caseload.CaseAllocation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** One worker's holding of a case, by the dates the changes took effect (see {@link CaseAllocation}). */
@Entity
@Table(name = "case_allocation")
public class CaseAllocationView extends PanacheEntityBase {

    /** Named from the case and the allocation's place in its history, so a replay writes the same rows. */
    @Id
    public UUID id;
    public UUID caseId;
    public UUID workerId;
    public LocalDate heldFrom;
    /** The day the change that ended the holding took effect; empty while it lasts. */
    public LocalDate endedOn;

    public CaseAllocation allocation() {
        return new CaseAllocation(workerId, heldFrom, endedOn);
    }

    /**
     * Replaces the case's allocations with those of its latest snapshot, inside the view's transaction. A snapshot
     * published before snapshots carried them has none.
     */
    static Uni<Void> replace(UUID caseId, List<CaseAllocation> published) {
        List<CaseAllocation> allocations = published == null ? List.of() : published;
        List<CaseAllocationView> rows = IntStream.range(0, allocations.size()).mapToObj(i -> {
            CaseAllocationView row = new CaseAllocationView();
            row.id = UUID.nameUUIDFromBytes((caseId + "/" + i).getBytes(StandardCharsets.UTF_8));
            row.caseId = caseId;
            row.workerId = allocations.get(i).workerId();
            row.heldFrom = allocations.get(i).heldFrom();
            row.endedOn = allocations.get(i).endedOn();
            return row;
        }).toList();
        Uni<Long> removed = delete("caseId", caseId);
        return rows.isEmpty() ? removed.replaceWithVoid() : removed.chain(() -> persist(rows));
    }
}
