package uk.workforcewatch.problem;

/** The optimistic check of a change that names the version it was based on. */
public final class Versions {

    private Versions() {
    }

    /** Refuses (409) a change based on another version than the one stored; no version, no check. */
    public static void requireCurrent(String what, Long expected, long current) {
        if (expected != null && expected != current) {
            throw ProblemException.conflict(what + " is at version " + current + ", not " + expected
                    + ": read it again and retry");
        }
    }
}
