package uk.workforcewatch.staffing.posts;

import jakarta.persistence.Embeddable;
import uk.workforcewatch.events.staffing.RecruitmentState;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.UUID;

/** One round of recruitment to a post: advertised, offer made, start date; or withdrawn. */
@Embeddable
public class Recruitment {

    public UUID id;
    public LocalDate advertisedOn;
    public LocalDate offerMadeOn;
    public LocalDate startsOn;
    public LocalDate withdrawnOn;

    /** Open until the start date is set or the round is withdrawn. */
    public boolean open() {
        return startsOn == null && withdrawnOn == null;
    }

    /** Days from the offer to the start ("shortening the line"), once both are known. */
    public OptionalLong daysFromOfferToStart() {
        return offerMadeOn == null || startsOn == null ? OptionalLong.empty()
                : OptionalLong.of(ChronoUnit.DAYS.between(offerMadeOn, startsOn));
    }

    public RecruitmentState state() {
        OptionalLong days = daysFromOfferToStart();
        return new RecruitmentState(id, advertisedOn, offerMadeOn, startsOn, withdrawnOn,
                days.isPresent() ? days.getAsLong() : null);
    }
}
