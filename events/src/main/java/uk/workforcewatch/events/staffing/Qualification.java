package uk.workforcewatch.events.staffing;

/** Where and at what level the worker qualified as a social worker. */
public record Qualification(String institution, QualificationLevel level) {
}
