package uk.workforcewatch.stack;

import java.nio.file.Path;
import java.util.Map;

/** The launcher's command line. */
final class StackOptions {

    static final String USAGE = """
            Usage: ./stack [options]
              Builds the services (unless --no-build), starts PostgreSQL, Kafka and every service, loads the demo
              council on first start, prints the addresses and demo tokens, and runs until Ctrl-C.

              --data DIR         where data and logs are kept between runs (default .local)
              --fresh            delete that folder's data first and start from nothing
              --no-demo          do not load the demo council on first start
              --no-build         use the jars already packaged
              --port-offset N    add N to every port (gateway 8080, caseload 8081, staffing 8082,
                                 sickness 8083, PostgreSQL 15432, Kafka 19092 and 19093), to run
                                 beside something else
              --help             this text

            ./stack import FOLDER brings a council's files into the running stack (./stack import --help).
            ./stack replay-dead-letters SERVICE sends a service's dead-lettered records back to their topics.
            """;

    private StackOptions() {
    }

    /** The configuration the arguments ask for, or null when they ask for help. */
    static StackConfig parse(String[] args, Path home) {
        Path data = home.resolve(".local");
        boolean fresh = false;
        boolean demo = true;
        int offset = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--fresh" -> fresh = true;
                case "--no-demo" -> demo = false;
                case "--no-build" -> {
                    // the ./stack script acts on it before Java starts
                }
                case "--port-offset" -> offset = portOffset(value(args, ++i, "--port-offset"));
                case "--help", "-h" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        return new StackConfig(home, data, Ports.defaults().offsetBy(offset), fresh, demo, Map.of());
    }

    static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    static int portOffset(String value) {
        try {
            int offset = Integer.parseInt(value);
            if (offset < 0 || offset > 40_000) {
                throw new IllegalArgumentException("--port-offset must be between 0 and 40000");
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port-offset must be a whole number, not " + value);
        }
    }
}
