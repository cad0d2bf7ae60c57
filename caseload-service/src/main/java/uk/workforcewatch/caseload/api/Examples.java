package uk.workforcewatch.caseload.api;

/**
 * The request bodies the API document shows as examples. Each is a body its endpoint accepts (PlatformTest sends
 * them); ids are made up and stand for the team and worker the caller names. Case references are pseudonymous:
 * never a child's name.
 */
public final class Examples {

    public static final String TEAM_ID = "6f1c2a9e-3b7d-4c1e-9a52-8d0e4b7f2c31";
    public static final String WORKER_ID = "9e4b1f7a-2c6d-4f8e-a3b5-0d7c2e9f4a16";

    public static final String OPEN_CASE = "{\"reference\": \"C-104233\", \"category\": \"CIN\", "
            + "\"teamId\": \"" + TEAM_ID + "\", \"openedOn\": \"2025-11-03\"}";
    public static final String OPEN_CASE_ALLOCATED = "{\"reference\": \"C-104287\", \"category\": \"CP\", "
            + "\"teamId\": \"" + TEAM_ID + "\", \"openedOn\": \"2025-11-05\", \"workerId\": \"" + WORKER_ID + "\"}";
    public static final String RECATEGORISE = "{\"category\": \"CP\", \"effectiveOn\": \"2025-11-07\", \"version\": 2}";
    public static final String ALLOCATE = "{\"workerId\": \"" + WORKER_ID + "\", \"effectiveOn\": \"2025-11-10\"}";
    public static final String ALLOCATE_OVERRIDING = "{\"workerId\": \"" + WORKER_ID + "\", "
            + "\"overrideReason\": \"She already works with the sibling group; two of her CIN cases move on Friday\", "
            + "\"version\": 3}";
    public static final String CLOSE = "{\"closedOn\": \"2026-03-20\", "
            + "\"reason\": \"Child protection plan ended; stepped down to early help\", \"version\": 5}";

    public static final String CORRECT_DATE = "{\"effectiveOn\": \"2025-11-12\", "
            + "\"reason\": \"The allocation meeting was on the 12th, not the 10th\"}";
    public static final String STRIKE_OUT = "{\"strikeOut\": true, \"reason\": \"Recorded against the wrong case\"}";

    private Examples() {
    }
}
