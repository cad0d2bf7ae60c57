package uk.workforcewatch.gateway.census;

import uk.workforcewatch.events.staffing.CensusRole;
import uk.workforcewatch.events.staffing.WorkerState;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the department's validation would reject ({@code ERROR}) or query ({@code QUERY}) in a return, each with
 * the worker and the field to put right in staffing's records before the deadline.
 */
public final class DataQuality {

    /** Social Work England's registration numbers: two letters, then ten digits. */
    private static final Pattern REGISTRATION = Pattern.compile("[A-Za-z]{2}[0-9]{10}");

    public enum Level { ERROR, QUERY }

    /** One thing to put right: whose, which field, what is wrong. */
    public record Finding(Level level, UUID workerId, String name, String field, String problem) {
    }

    private DataQuality() {
    }

    public static List<Finding> of(CensusReturn census, List<WorkerState> workers) {
        Map<UUID, WorkerState> byId = workers.stream().collect(Collectors.toMap(WorkerState::id, Function.identity()));
        Map<String, Long> registrations = census.workers().stream()
                .filter(w -> w.registrationNumber() != null && !w.registrationNumber().isBlank())
                .collect(Collectors.groupingBy(w -> w.registrationNumber().toUpperCase(), Collectors.counting()));
        List<Finding> findings = new ArrayList<>();
        for (CensusReturn.WorkerRecord record : census.workers()) {
            WorkerState worker = byId.get(record.workerId());
            Reporter report = (level, field, problem) ->
                    findings.add(new Finding(level, record.workerId(), worker.name(), field, problem));
            String registration = record.registrationNumber();
            if (registration == null || registration.isBlank()) {
                report.add(Level.ERROR, "registrationNumber", "no Social Work England registration number");
            } else if (!REGISTRATION.matcher(registration).matches()) {
                report.add(Level.ERROR, "registrationNumber",
                        "'" + registration + "' is not two letters and ten digits");
            } else if (registrations.get(registration.toUpperCase()) > 1) {
                report.add(Level.ERROR, "registrationNumber", registration + " is given for more than one worker");
            }
            if (record.fte() == null || record.fte().signum() <= 0 || record.fte().compareTo(BigDecimal.ONE) > 0) {
                report.add(Level.ERROR, "fte", "FTE " + record.fte() + " is not above 0 and at most 1");
            }
            if (worker.leftOn() != null && worker.leftOn().isBefore(worker.startDate())) {
                report.add(Level.ERROR, "leftOn", "left on " + worker.leftOn() + ", before starting on "
                        + worker.startDate());
            }
            if (record.qualificationInstitution() == null || record.qualificationInstitution().isBlank()) {
                report.add(Level.ERROR, "qualification.institution", "no qualifying institution");
            }
            if (record.qualificationLevel() == null) {
                report.add(Level.QUERY, "qualification.level", "no qualification level");
            }
            if (record.startOrigin() == null) {
                report.add(Level.QUERY, "origin", "where the worker came from is not recorded");
            }
            if (record.roleEndDate() != null && record.reasonForLeaving() == null) {
                report.add(Level.ERROR, "leavingReason", "left on " + record.roleEndDate() + " with no reason");
            }
            if (record.roleEndDate() != null && record.leaverDestination() == null) {
                report.add(Level.QUERY, "leavingDestination", "left on " + record.roleEndDate()
                        + " with no destination");
            }
            if (Integer.valueOf(CensusRole.CASE_HOLDER.code()).equals(record.organisationRole())
                    && Integer.valueOf(0).equals(record.casesAtReferenceDate())) {
                report.add(Level.QUERY, "censusRole", "recorded as a case holder, but held no cases on "
                        + census.header().referenceDate());
            }
            if (Boolean.TRUE.equals(record.absentAtReferenceDate()) && record.absenceReason() == null) {
                report.add(Level.QUERY, "absence", "absent on " + census.header().referenceDate() + " with no reason");
            }
        }
        return findings;
    }

    @FunctionalInterface
    private interface Reporter {
        void add(Level level, String field, String problem);
    }
}
