package uk.workforcewatch.staffing.asof;

import io.smallrye.mutiny.Uni;

import java.time.LocalDate;

/**
 * Subjects whose published state is true as of a day, kept in a marker of each ({@code published_as_of}): the day
 * one of their dates comes makes it untrue, and {@link AsOfSweep} has them published again.
 */
public interface PublishedAsOf {

    /**
     * Within the caller's transaction, publishes again, as of {@code today} and each with one version more, at most
     * {@code limit} of the subjects a date of which has come after their marker, and moves their marker to today.
     * Answers how many, so the caller can ask for the rest.
     */
    Uni<Integer> republishDue(LocalDate today, int limit);

    /**
     * SQL: the {@code day} (an expression) has come after the {@code marker} column, by {@code :today}; a null day
     * never comes.
     */
    static String came(String day, String marker) {
        return "(" + day + " > " + marker + " and " + day + " <= :today)";
    }
}
