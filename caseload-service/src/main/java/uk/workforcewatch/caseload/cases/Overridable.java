package uk.workforcewatch.caseload.cases;

/**
 * A change of a case that a senior manager may let break caseload limits (an allocation, a correction, a new
 * category): it records which limits it broke, with their figures, and why, beside who recorded it and when.
 */
interface Overridable {

    void overrideLimits(String broken, String reason);
}
