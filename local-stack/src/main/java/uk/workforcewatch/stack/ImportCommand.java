package uk.workforcewatch.stack;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ./stack import FOLDER}: a council's files into the running local stack, through its gateway, as HR officer
 * and senior manager with the stack's own signing key (docs/records.md).
 */
final class ImportCommand {

    static final String USAGE = """
            Usage: ./stack import FOLDER [options]
              Imports the council files in FOLDER into the running stack through its gateway, in this order:
              teams.csv, posts.csv, workers.csv, cases.csv, absences.csv (those present). Each file is taken
              whole or not at all; the first one refused stops the import and its rows at fault are printed.

              --dry-run          check every file, write nothing
              --data DIR         the running stack's data folder (default .local), for its signing key
              --port-offset N    the offset the stack was started with
            """;

    private ImportCommand() {
    }

    /** The exit status: 0 when every file went in, 1 when one was refused, 2 for a mistake on the command line. */
    static int run(String[] args, Path home) throws IOException, InterruptedException {
        Path folder = null;
        Path data = home.resolve(".local");
        boolean dryRun = false;
        int offset = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--data" -> data = Path.of(StackOptions.value(args, ++i, "--data"));
                case "--port-offset" -> offset = StackOptions.portOffset(StackOptions.value(args, ++i, "--port-offset"));
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return 0;
                }
                default -> {
                    if (folder != null || args[i].startsWith("--")) {
                        System.err.println("Unknown option " + args[i]);
                        System.err.print(USAGE);
                        return 2;
                    }
                    folder = Path.of(args[i]);
                }
            }
        }
        if (folder == null || !Files.isDirectory(folder)) {
            System.err.println(folder == null ? "Name the folder of files to import" : folder + " is not a folder");
            System.err.print(USAGE);
            return 2;
        }
        if (!Files.exists(data.resolve("jwt/privateKey.pem"))) {
            System.err.println("No running stack's key in " + data + ": start ./stack first (or give its --data)");
            return 2;
        }
        SigningKeys keys = SigningKeys.loadOrCreate(data);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        java.net.URI gateway = Service.GATEWAY.address(Ports.defaults().offsetBy(offset));
        RecordsImport records = new RecordsImport(http, kind -> gateway, keys::hrOfficer, keys::seniorManager,
                System.out);
        return records.folder(folder, dryRun) ? 0 : 1;
    }
}
