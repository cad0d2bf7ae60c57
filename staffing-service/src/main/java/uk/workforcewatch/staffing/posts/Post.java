package uk.workforcewatch.staffing.posts;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.OptimisticLock;
import uk.workforcewatch.events.staffing.PostState;
import uk.workforcewatch.events.staffing.RecruitmentState;
import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A post of a team's establishment, in the structure from {@code establishedOn} to {@code removedOn}.
 * Whether it is vacant on a date is told by the workers who fill it then (see {@code Vacancies}).
 */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The council's own number for the post, from its establishment; empty for one established without. */
    public String postNumber;

    public UUID teamId;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(precision = 7, scale = 6)
    public BigDecimal fte;

    public LocalDate establishedOn;

    public LocalDate removedOn;

    @Version
    public long version;

    /** The day the state last published was true as of. Bookkeeping only: it changes no version of the post. */
    @OptimisticLock(excluded = true)
    public LocalDate publishedAsOf;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recruitment", joinColumns = @JoinColumn(name = "post_id"))
    @OrderBy("advertisedOn")
    public List<Recruitment> recruitment = new ArrayList<>();

    public boolean existsOn(LocalDate date) {
        return !date.isBefore(establishedOn) && (removedOn == null || !date.isAfter(removedOn));
    }

    public Optional<Recruitment> openRecruitment() {
        return recruitment.stream().filter(Recruitment::open).findFirst();
    }

    public Optional<Recruitment> recruitment(UUID roundId) {
        return recruitment.stream().filter(round -> round.id.equals(roundId)).findFirst();
    }

    public List<RecruitmentState> recruitmentStates() {
        return recruitment.stream().map(Recruitment::state).toList();
    }

    public PostState state(LocalDate asOf) {
        return new PostState(id, teamId, role, fte, establishedOn, removedOn, recruitmentStates(), asOf);
    }
}
