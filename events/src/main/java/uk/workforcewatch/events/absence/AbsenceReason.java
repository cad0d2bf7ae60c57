package uk.workforcewatch.events.absence;

/** The reason category of an absence episode. Health data: special-category personal data. */
public enum AbsenceReason {
    STRESS_MENTAL_HEALTH,
    MUSCULOSKELETAL,
    MINOR_ILLNESS,
    INFECTION,
    INJURY,
    PREGNANCY_RELATED,
    OTHER
}
