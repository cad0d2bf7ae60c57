package uk.workforcewatch.events.absence;

/** What covers an absence: the worker's own word, or a fit note (needed after 7 calendar days). */
public enum Certification {
    SELF_CERTIFIED,
    FIT_NOTE
}
