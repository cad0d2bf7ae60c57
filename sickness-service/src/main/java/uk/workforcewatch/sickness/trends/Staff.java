package uk.workforcewatch.sickness.trends;

import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A worker as the figures need them: employed from {@code startDate} to {@code leftOn} (empty while they stay),
 * with the team, role and FTE of each period from its date until the next. A plain value for the calculators.
 */
public record Staff(UUID workerId, LocalDate startDate, LocalDate leftOn, List<Post> posts) {

    /** Team, role and FTE from {@code from} on. */
    public record Post(LocalDate from, UUID teamId, Role role, BigDecimal fte) {
    }

    public Staff {
        posts = posts.stream().sorted(Comparator.comparing(Post::from)).toList();
    }

    public boolean employedOn(LocalDate day) {
        return !day.isBefore(startDate) && (leftOn == null || !day.isAfter(leftOn));
    }

    /** The post in force on the day, whether employed then or not; null before the first. */
    public Post postOn(LocalDate day) {
        Post found = null;
        for (Post post : posts) {
            if (post.from().isAfter(day)) {
                break;
            }
            found = post;
        }
        return found;
    }

    /** The FTE on the day; zero when not employed then. */
    public BigDecimal fteOn(LocalDate day) {
        Post post = employedOn(day) ? postOn(day) : null;
        return post == null ? BigDecimal.ZERO : post.fte();
    }
}
