package uk.workforcewatch.events.staffing;

/** The part of children's services a team works in. */
public enum ServiceArea {
    INTAKE_AND_ASSESSMENT,
    CHILD_PROTECTION,
    CHILDREN_IN_NEED,
    LOOKED_AFTER_CHILDREN,
    CARE_LEAVERS,
    DISABLED_CHILDREN,
    COURT,
    FOSTERING_AND_ADOPTION,
    EARLY_HELP,
    OTHER
}
