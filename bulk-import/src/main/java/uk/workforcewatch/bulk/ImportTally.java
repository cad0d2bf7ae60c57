package uk.workforcewatch.bulk;

/** The counts of an import as it goes. */
public final class ImportTally {

    long created;
    long updated;
    long unchanged;

    public void created() {
        created++;
    }

    public void updated() {
        updated++;
    }

    public void unchanged() {
        unchanged++;
    }
}
