package uk.workforcewatch.stack;

import uk.workforcewatch.consuming.DeadLetterReplay;

/**
 * {@code ./stack replay-dead-letters SERVICE}: the records a service of the running stack dead-lettered, sent back to
 * the topics they came from once their cause is fixed (docs/reliability.md).
 */
final class ReplayCommand {

    static final String USAGE = """
            Usage: ./stack replay-dead-letters SERVICE [options]
              Sends the records on SERVICE's dead-letter topic (caseload, sickness or gateway) back to the topics
              they came from, leaving out any that a later record of the same subject has superseded.

              --dry-run          list what would be sent, send nothing
              --port-offset N    the offset the stack was started with
            """;

    private ReplayCommand() {
    }

    /** The exit status: 0 when replayed, 2 for a mistake on the command line. */
    static int run(String[] args) {
        String service = null;
        boolean dryRun = false;
        int offset = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--port-offset" -> offset = StackOptions.portOffset(StackOptions.value(args, ++i, "--port-offset"));
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return 0;
                }
                default -> service = args[i];
            }
        }
        if (service == null || !service.matches("caseload|sickness|gateway")) {
            System.err.println(service == null ? "Name the service" : "No dead-letter topic for " + service);
            System.err.print(USAGE);
            return 2;
        }
        String kafka = "localhost:" + Ports.defaults().offsetBy(offset).kafka();
        new DeadLetterReplay(kafka).replay(service + ".dead-letter.v1", dryRun, System.out);
        return 0;
    }
}
