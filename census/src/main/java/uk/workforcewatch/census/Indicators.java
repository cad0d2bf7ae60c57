package uk.workforcewatch.census;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Census indicators as of a date. Rates are fractions to four decimal places (0.1587 is 15.87%),
 * empty when their denominator is zero; the average is in days.
 */
public record Indicators(
        LocalDate asOf,
        BigDecimal fteInPost,
        int headcountInPost,
        BigDecimal agencyFte,
        int agencyHeadcount,
        BigDecimal starterFte,
        int starters,
        BigDecimal leaverFte,
        int leavers,
        BigDecimal vacantFte,
        int vacantPosts,
        BigDecimal agencyFteCoveringVacancies,
        BigDecimal turnoverRate,
        BigDecimal agencyWorkerRate,
        BigDecimal vacancyRate,
        BigDecimal agencyCoverOfVacancies,
        BigDecimal averageDaysFromOfferToStart) {
}
