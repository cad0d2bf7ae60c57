package uk.workforcewatch.events.staffing;

/** A worker's role. Every role but {@link #SUPPORT_WORKER} is a qualified social worker for the census. */
public enum Role {
    SOCIAL_WORKER,
    SENIOR_PRACTITIONER,
    /** Newly qualified, in the Assessed and Supported Year in Employment: a protected caseload. */
    ASYE,
    TEAM_MANAGER,
    SUPPORT_WORKER;

    public boolean isQualifiedSocialWorker() {
        return this != SUPPORT_WORKER;
    }
}
