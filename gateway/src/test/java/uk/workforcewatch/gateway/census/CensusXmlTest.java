package uk.workforcewatch.gateway.census;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The return's XML keeps to the collection's schema: names, order, codes and decimal places. */
class CensusXmlTest {

    private static final CensusReturn.Header HEADER = new CensusReturn.Header(2026, LocalDate.of(2026, 9, 30), "812",
            "Workforce Watch 0.1", Instant.parse("2026-10-02T09:15:30.123Z"));

    @Test
    void aReturnIsWrittenInTheDepartmentsOrderAndPlaces() {
        CensusReturn.WorkerRecord leaver = new CensusReturn.WorkerRecord(UUID.randomUUID(), false, "SW0000012345",
                new BigDecimal("0.8"), "University of Leeds", 1, 5, LocalDate.of(2019, 4, 1), 2,
                LocalDate.of(2026, 6, 30), 1, 1, null, null, new BigDecimal("3.2"), null, null, 2);
        CensusReturn.WorkerRecord inPost = new CensusReturn.WorkerRecord(UUID.randomUUID(), true, "SW1234567890",
                BigDecimal.ONE, "Open University", 3, 6, LocalDate.of(2026, 1, 5), 4, null, null, null,
                BigDecimal.ONE, 0, BigDecimal.ZERO, true, "SIC", null);
        String xml = CensusXml.write(new CensusReturn(HEADER,
                new CensusReturn.Vacancies(new BigDecimal("2.5"), new BigDecimal("1"), 1), List.of(leaver, inPost)));

        assertEquals(List.of(), CensusSchema.violations(xml), xml);
        assertTrue(xml.contains("<Collection>CSWW</Collection>"), xml);
        assertTrue(xml.contains("<LEA>812</LEA>") && xml.contains("<DateTime>2026-10-02T09:15:30</DateTime>"), xml);
        assertTrue(xml.contains("<NumberOfVacancies>2.50</NumberOfVacancies>")
                && xml.contains("<NoAgencyFTE>1.00</NoAgencyFTE>"), xml);
        assertTrue(xml.contains("<FTE>0.800000</FTE>") && xml.contains("<WorkingDaysLost>3.20</WorkingDaysLost>"), xml);
        assertTrue(xml.contains("<FTE30>1.000000</FTE30>") && xml.contains("<Absat30Sept>1</Absat30Sept>"), xml);
        // a value not recorded is left out, never sent empty
        assertTrue(!xml.contains("<FTE30></FTE30>") && xml.indexOf("<RoleEndDate>") == xml.lastIndexOf("<RoleEndDate>"),
                xml);
        assertTrue(xml.indexOf("<SWENo>") < xml.indexOf("<FTE>") && xml.indexOf("<QualInst>") < xml.indexOf("<OrgRole>")
                && xml.indexOf("<ReasonLeave>") < xml.indexOf("<WorkingDaysLost>"), "the schema's order");
    }

    @Test
    void theSchemaRejectsWhatTheDepartmentWould() {
        CensusReturn.WorkerRecord unregistered = new CensusReturn.WorkerRecord(UUID.randomUUID(), false, "12345",
                new BigDecimal("1.2"), null, null, 5, null, null, null, null, null, null, null, null, null, null, null);
        String xml = CensusXml.write(new CensusReturn(HEADER,
                new CensusReturn.Vacancies(BigDecimal.ZERO, BigDecimal.ZERO, 0), List.of(unregistered)));

        List<String> violations = CensusSchema.violations(xml);
        assertTrue(violations.stream().anyMatch(v -> v.contains("12345")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("1.200000")), violations.toString());
        assertTrue(violations.size() >= 3, "the registration number, the FTE and the missing institution: " + violations);
    }
}
