package uk.workforcewatch.events.staffing;

/** Whether the council pays the worker directly ({@code PERMANENT}) or through an agency. */
public enum Employment {
    PERMANENT,
    AGENCY
}
