package uk.workforcewatch.census;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.Role;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AverageCaseloadTest {

    private static AverageCaseload.Holder holder(Role role, String fte, int cases) {
        return AverageCaseload.Holder.of(role, new BigDecimal(fte), cases);
    }

    @Test
    void casesHeldOverTheFteOfTheSocialWorkersWhoHoldAny() {
        // 14 + 9 + 6 = 29 cases over 1.0 + 0.6 + 0.5 = 2.1 FTE: 13.8; the worker with none and the support worker's
        // cases count on neither side
        AverageCaseload.Figure figure = AverageCaseload.of(List.of(
                holder(Role.SOCIAL_WORKER, "1.0", 14), holder(Role.SENIOR_PRACTITIONER, "0.6", 9),
                holder(Role.ASYE, "0.5", 6), holder(Role.SOCIAL_WORKER, "1.0", 0),
                holder(Role.SUPPORT_WORKER, "1.0", 4))).orElseThrow();
        assertEquals(29, figure.casesHeld());
        assertEquals(new BigDecimal("2.1"), figure.caseHolderFte());
        assertEquals(new BigDecimal("13.8"), figure.average());
    }

    @Test
    void theNationalFigureOfSeptember2023() {
        // 337,055 cases held by 21,111.4 case-holding FTE: 16.0
        assertEquals(new BigDecimal("16.0"), AverageCaseload.of(List.of(
                holder(Role.SOCIAL_WORKER, "21111.4", 337_055))).orElseThrow().average());
    }

    @Test
    void theFteIsWrittenPlainly() {
        assertEquals("10", AverageCaseload.of(List.of(holder(Role.SOCIAL_WORKER, "10.000000", 150))).orElseThrow()
                .caseHolderFte().toPlainString());
        assertEquals(0, AverageCaseload.of(List.of(holder(Role.SOCIAL_WORKER, "10.000000", 150))).orElseThrow()
                .caseHolderFte().scale());
    }

    @Test
    void nobodyHoldingACaseHasNoAverage() {
        assertEquals(Optional.empty(), AverageCaseload.of(List.of(holder(Role.SOCIAL_WORKER, "1.0", 0))));
        assertEquals(Optional.empty(), AverageCaseload.of(List.of()));
    }
}
