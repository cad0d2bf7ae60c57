package uk.workforcewatch.staffing.api;

/**
 * The council's own keys for workers and posts (staff and post numbers, from its HR system and establishment), by
 * which its files name them: letters, digits, dashes and slashes, as such systems write them.
 */
public final class CouncilKeys {

    public static final String PATTERN = "[A-Za-z0-9/-]{1,30}";
    public static final String RULE = "must be 1 to 30 letters, digits, dashes or slashes, no spaces";

    private CouncilKeys() {
    }

    public static boolean valid(String key) {
        return key.matches(PATTERN);
    }
}
