package uk.workforcewatch.sickness.audit;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uk.workforcewatch.sickness.api.Page;
import uk.workforcewatch.sickness.security.Caller;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes down every read of an individual's absence record, and answers who read what. A read is recorded
 * inside the read's own transaction, so a read that cannot be audited fails rather than goes unrecorded.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    /** One read as listed. */
    public record AuditView(Instant readAt, String reader, String readerRole, UUID workerId, String what) {

        static AuditView of(AuditEntry entry) {
            return new AuditView(entry.readAt, entry.reader, entry.readerRole, entry.workerId, entry.what);
        }
    }

    private final Clock clock;
    private final DataSource dataSource;

    AuditLog(Clock clock, DataSource dataSource) {
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /** Within the read's transaction. */
    public Uni<Void> record(Caller caller, UUID workerId, String what) {
        AuditEntry entry = new AuditEntry();
        entry.readAt = clock.instant();
        entry.reader = caller.name();
        entry.readerRole = caller.role();
        entry.workerId = workerId;
        entry.what = what;
        LOG.debugf("Audited read worker=%s role=%s", workerId, caller.role());
        return entry.persist().replaceWithVoid();
    }

    /**
     * An export of every absence episode: one entry naming no worker, with how many episodes it holds, written and
     * committed before the export's first row goes out, so an export that cannot be audited does not happen. Blocking.
     */
    public void recordExport(Caller caller) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into audit_entry (read_at, reader,"
                     + " reader_role, what) select ?, ?, ?, 'export of ' || count(*) || ' absence episodes'"
                     + " from absence_episode")) {
            insert.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
            insert.setString(2, caller.name());
            insert.setString(3, caller.role());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The export could not be audited: nothing was exported", e);
        }
        LOG.debugf("Audited export role=%s", caller.role());
    }

    /** Reads of the worker's record (any worker's when null) on the days {@code from} to {@code to}, newest first. */
    @WithSession
    public Uni<Page<AuditView>> list(UUID workerId, LocalDate from, LocalDate to, int page, int size) {
        AuditFilter filter = new AuditFilter(workerId,
                from == null ? null : from.atStartOfDay(clock.getZone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        return AuditEntry.<AuditEntry>find(filter.query(), Sort.descending("readAt", "id"), filter.parameters())
                .page(page, size).list()
                .chain(items -> AuditEntry.count(filter.query(), filter.parameters())
                        .map(total -> new Page<>(items.stream().map(AuditView::of).toList(), page, size, total)));
    }
}
