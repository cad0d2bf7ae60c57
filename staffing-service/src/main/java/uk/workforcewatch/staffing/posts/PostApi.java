package uk.workforcewatch.staffing.posts;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import uk.workforcewatch.staffing.api.CouncilKeys;
import uk.workforcewatch.events.staffing.RecruitmentState;
import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The post's records on the wire. */
public final class PostApi {

    private PostApi() {
    }

    public record EstablishPost(
            @Pattern(regexp = CouncilKeys.PATTERN, message = CouncilKeys.RULE) String postNumber,
            @NotNull UUID teamId,
            @NotNull Role role,
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be above 0")
            @DecimalMax(value = "1", message = "must be at most 1.0")
            @Digits(integer = 1, fraction = 6) BigDecimal fte,
            @NotNull LocalDate establishedOn) {
    }

    /** Takes the post out of the structure after its last day. */
    public record RemovePost(@NotNull LocalDate removedOn, Long version) {
    }

    /** Opens a round of recruitment to the post. */
    public record Advertise(@NotNull LocalDate advertisedOn, Long version) {
    }

    /** Records the milestones reached in a round; what is not named stays. */
    public record RecruitmentProgress(LocalDate offerMadeOn, LocalDate startsOn, LocalDate withdrawnOn, Long version) {
    }

    public record PostView(UUID id, String postNumber, UUID teamId, Role role, BigDecimal fte, LocalDate establishedOn,
                           LocalDate removedOn, List<RecruitmentState> recruitment, long version) {

        static PostView of(Post post) {
            return new PostView(post.id, post.postNumber, post.teamId, post.role, post.fte, post.establishedOn, post.removedOn,
                    post.recruitmentStates(), post.version);
        }
    }

    /**
     * A vacant post on a date: no permanent worker fills it. Agency workers may cover it;
     * {@code recruitment} is the open round, if any.
     */
    public record VacancyView(UUID postId, UUID teamId, Role role, BigDecimal fte, List<UUID> coveredBy,
                              BigDecimal agencyCoverFte, RecruitmentState recruitment) {
    }
}
