package uk.workforcewatch.caseload.limits;

/** The limits an allocation can breach. */
public enum Limit {
    /** More open cases than the worker's limit (15 × FTE, 12 × FTE for ASYE). */
    CASELOAD_LIMIT,
    /** More CP cases than the worker's CP limit (two thirds of the limit). */
    CP_LIMIT,
    /** A weighted load above the weighted limit, where weights are configured. */
    WEIGHTED_LOAD_LIMIT,
    /** CP or court work for a newly qualified worker, who holds such cases only jointly. */
    ASYE_HIGH_RISK_CASE
}
