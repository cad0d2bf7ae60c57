package uk.workforcewatch.sickness.absence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.OptimisticLock;
import uk.workforcewatch.bulk.Sql;
import uk.workforcewatch.events.absence.AbsenceEpisodeState;
import uk.workforcewatch.events.absence.AbsenceReason;
import uk.workforcewatch.events.absence.Certification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A spell of sickness absence of one worker, from its first day to its last ({@code endDate}, empty while
 * it lasts). It belongs to the team the worker was in on its first day.
 */
@Entity
@Table(name = "absence_episode")
public class AbsenceEpisode extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID workerId;

    public UUID teamId;

    public LocalDate startDate;

    /** The last day absent; empty while the episode is open. */
    public LocalDate endDate;

    /** Health data: shown only to HR officers and the team's manager. */
    @Enumerated(EnumType.STRING)
    public AbsenceReason reason;

    @Enumerated(EnumType.STRING)
    public Certification certification;

    public LocalDate returnInterviewOn;

    public String returnInterviewBy;

    public String recordedBy;

    @Version
    public long version;

    /** The day the state last published was true as of. Bookkeeping only: it changes no version of the episode. */
    @OptimisticLock(excluded = true)
    public LocalDate publishedAsOf;

    public boolean isOpen() {
        return endDate == null;
    }

    /** Covers the day: started by then and not yet over. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }

    /** The episode as recorded, nothing said of a day: two alike record the same. */
    AbsenceEpisodeState recorded() {
        return new AbsenceEpisodeState(id, workerId, teamId, startDate, endDate, reason, certification,
                returnInterviewOn, returnInterviewBy);
    }

    /** The episode as published on the day: as recorded, and what its dates mean then. */
    AbsenceEpisodeState state(LocalDate day, EpisodeAsOf.Progress progress) {
        return new AbsenceEpisodeState(id, workerId, teamId, startDate, endDate, reason, certification,
                returnInterviewOn, returnInterviewBy, day, progress.longTerm(), progress.fitNoteNeeded(),
                progress.returnInterview());
    }

    /** The columns {@link #read} reads, for a JDBC query of episodes. */
    static final String COLUMNS = "id, worker_id, team_id, start_date, end_date, reason, certification,"
            + " return_interview_on, return_interview_by, version, published_as_of";

    /** An episode from a JDBC row of {@link #COLUMNS}, for bulk work: not managed by a session. */
    static AbsenceEpisode read(ResultSet row) throws SQLException {
        AbsenceEpisode episode = new AbsenceEpisode();
        episode.id = Sql.uuid(row, "id");
        episode.workerId = Sql.uuid(row, "worker_id");
        episode.teamId = Sql.uuid(row, "team_id");
        episode.startDate = Sql.date(row, "start_date");
        episode.endDate = Sql.date(row, "end_date");
        episode.reason = AbsenceReason.valueOf(row.getString("reason"));
        episode.certification = Certification.valueOf(row.getString("certification"));
        episode.returnInterviewOn = Sql.date(row, "return_interview_on");
        episode.returnInterviewBy = row.getString("return_interview_by");
        episode.version = row.getLong("version");
        episode.publishedAsOf = Sql.date(row, "published_as_of");
        return episode;
    }
}
