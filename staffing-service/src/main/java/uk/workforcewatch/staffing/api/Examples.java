package uk.workforcewatch.staffing.api;

/**
 * The request bodies the API document shows as examples, one story: a child protection team, a social worker's
 * post in it, its recruitment, and the worker who fills it. Each is a body its endpoint accepts (PlatformTest
 * sends them); ids are made up and stand for the team, post and worker the caller names.
 */
public final class Examples {

    public static final String TEAM_ID = "6f1c2a9e-3b7d-4c1e-9a52-8d0e4b7f2c31";
    public static final String OTHER_TEAM_ID = "c7a05e3d-9b2f-4d18-8e6c-5f1a0b3d9e27";
    public static final String MANAGER_ID = "b3e8d4a1-5c2f-4e6a-8b97-1f0c3d5e7a92";
    public static final String POST_ID = "2d9a7c4e-8f1b-4a3d-b6e5-7c0f9e2a1b48";

    public static final String CREATE_TEAM =
            "{\"name\": \"Cardiff North Child Protection\", \"serviceArea\": \"CHILD_PROTECTION\"}";
    public static final String CHANGE_TEAM_MANAGER =
            "{\"managerId\": \"" + MANAGER_ID + "\", \"version\": 2}";

    public static final String ESTABLISH_POST = "{\"teamId\": \"" + TEAM_ID + "\", \"role\": \"SOCIAL_WORKER\", "
            + "\"fte\": 1.0, \"establishedOn\": \"2024-04-01\"}";
    public static final String REMOVE_POST = "{\"removedOn\": \"2026-03-31\", \"version\": 4}";
    public static final String ADVERTISE = "{\"advertisedOn\": \"2025-05-06\"}";
    public static final String OFFER_MADE = "{\"offerMadeOn\": \"2025-06-20\", \"version\": 2}";
    public static final String STARTS = "{\"startsOn\": \"2025-09-01\", \"version\": 3}";

    public static final String HIRE_PERMANENT = "{\"staffNumber\": \"E104227\", \"name\": \"Rhian Morgan\", \"role\": \"SOCIAL_WORKER\", "
            + "\"teamId\": \"" + TEAM_ID + "\", \"fte\": 1.0, \"employment\": \"PERMANENT\", "
            + "\"startDate\": \"2025-09-01\", \"postId\": \"" + POST_ID + "\", "
            + "\"registrationNumber\": \"SW0000123456\", \"origin\": \"SOCIAL_WORK_OTHER_COUNCIL_ENGLAND\", "
            + "\"qualification\": {\"institution\": \"University of Birmingham\", \"level\": \"UNDERGRADUATE\"}, "
            + "\"careerStage\": \"FRONTLINE_PRACTITIONER\"}";
    public static final String HIRE_AGENCY = "{\"name\": \"Daniel Okafor\", \"role\": \"SENIOR_PRACTITIONER\", "
            + "\"teamId\": \"" + TEAM_ID + "\", \"fte\": 0.6, \"employment\": \"AGENCY\", "
            + "\"startDate\": \"2025-10-13\", \"registrationNumber\": \"SW0000987654\", "
            + "\"origin\": \"AGENCY_OR_CONSULTANCY_ENGLAND\", "
            + "\"qualification\": {\"institution\": \"University of Nottingham\", \"level\": \"POSTGRADUATE\"}, "
            + "\"careerStage\": \"PRACTICE_SUPERVISOR\"}";
    public static final String CHANGE_FTE = "{\"effectiveFrom\": \"2026-01-05\", \"fte\": 0.8, \"version\": 1}";
    public static final String CHANGE_TEAM_AND_ROLE = "{\"effectiveFrom\": \"2026-04-06\", "
            + "\"role\": \"SENIOR_PRACTITIONER\", \"teamId\": \"" + OTHER_TEAM_ID + "\", \"version\": 2}";
    public static final String CORRECT_REGISTRATION = "{\"registrationNumber\": \"SW0000123465\", \"version\": 3}";
    public static final String CORRECT_CENSUS_DETAILS = "{\"origin\": \"SOCIAL_WORK_OUTSIDE_ENGLAND\", "
            + "\"qualification\": {\"institution\": \"Cardiff University\", \"level\": \"POSTGRADUATE\"}, "
            + "\"version\": 3}";
    public static final String MIDDLE_MANAGER = "{\"censusRole\": \"MIDDLE_MANAGER\", "
            + "\"careerStage\": \"PRACTICE_LEADER\", \"version\": 5}";
    public static final String LEAVING = "{\"leftOn\": \"2026-07-31\", \"reason\": \"RESIGNATION\", "
            + "\"destination\": \"SOCIAL_WORK_OTHER_COUNCIL_ENGLAND\", \"version\": 4}";

    private Examples() {
    }
}
