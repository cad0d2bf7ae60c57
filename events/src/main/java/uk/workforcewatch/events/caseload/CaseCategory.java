package uk.workforcewatch.events.caseload;

/** The categories of children's services cases. CP and COURT are the difficult, high-risk work. */
public enum CaseCategory {
    /** On a child protection plan. */
    CP,
    /** Child in need. */
    CIN,
    /** Looked-after child (also called CLA). */
    LAC,
    CARE_LEAVER,
    /** Care proceedings. */
    COURT,
    ADOPTION,
    /** Under assessment, not yet categorised. */
    ASSESSMENT;

    public boolean isHighRisk() {
        return this == CP || this == COURT;
    }
}
