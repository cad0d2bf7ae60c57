package uk.workforcewatch.sickness.api;

/**
 * The request bodies the API document shows as examples. Each is a body its endpoint accepts (PlatformTest sends
 * them); the worker's id is made up and stands for the worker the caller names.
 */
public final class Examples {

    public static final String WORKER_ID = "9e4b1f7a-2c6d-4f8e-a3b5-0d7c2e9f4a16";

    public static final String OPEN_ABSENCE = "{\"workerId\": \"" + WORKER_ID + "\", \"startDate\": \"2025-11-03\", "
            + "\"reason\": \"STRESS_MENTAL_HEALTH\", \"certification\": \"FIT_NOTE\"}";
    public static final String ABSENCE_OVER = "{\"workerId\": \"" + WORKER_ID + "\", \"startDate\": \"2025-09-15\", "
            + "\"endDate\": \"2025-09-17\", \"reason\": \"MINOR_ILLNESS\", \"certification\": \"SELF_CERTIFIED\", "
            + "\"returnInterview\": {\"heldOn\": \"2025-09-18\", \"heldBy\": \"Sian Evans\"}}";
    public static final String FIT_NOTE_ARRIVED = "{\"certification\": \"FIT_NOTE\", \"version\": 1}";
    public static final String REASON_CORRECTED = "{\"reason\": \"MUSCULOSKELETAL\", \"version\": 2}";
    public static final String END = "{\"endDate\": \"2025-12-12\", \"version\": 2}";
    public static final String RETURN_INTERVIEW = "{\"heldOn\": \"2025-12-15\", \"heldBy\": \"Sian Evans\", "
            + "\"version\": 3}";

    private Examples() {
    }
}
