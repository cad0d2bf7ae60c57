package uk.workforcewatch.events.staffing;

/** Topics staffing-service publishes to. Each is log-compacted: the newest snapshot per id is enough. */
public final class StaffingTopics {

    public static final String TEAMS = "staffing.teams.v1";
    public static final String WORKERS = "staffing.workers.v1";
    public static final String POSTS = "staffing.posts.v1";

    private StaffingTopics() {
    }
}
