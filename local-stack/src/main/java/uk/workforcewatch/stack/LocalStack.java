package uk.workforcewatch.stack;

import uk.workforcewatch.stack.demo.DemoStory;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./stack}: the whole system on this machine, on embedded defaults, until Ctrl-C. Prints where everything
 * is, tokens to paste, and what the demo council shows.
 */
public final class LocalStack {

    private static final Set<String> STORY_RULES = Set.of("CASELOAD_OVER_LIMIT", "CP_MIX_OVER_LIMIT",
            "CASE_UNALLOCATED", "TEAM_VACANCY_RATE_HIGH", "CASES_HELD_BY_ABSENT_WORKER", "LONG_TERM_ABSENCE",
            "RETURN_TO_WORK_OVERDUE", "BRADFORD_TRIGGER");

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length), Path.of("").toAbsolutePath()));
        }
        if (args.length > 0 && args[0].equals("replay-dead-letters")) {
            System.exit(ReplayCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        StackConfig config;
        try {
            config = StackOptions.parse(args, Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(StackOptions.USAGE);
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.print(StackOptions.USAGE);
            return;
        }
        System.out.println("Starting Workforce Watch; data in " + config.data() + ", logs in " + config.logs());
        long started = System.nanoTime();
        Stack stack = Stack.create(config);
        // Ctrl-C, even while starting, reaches the children too; the hook makes sure each has stopped
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("\nStopping everything this command started...");
            stack.close();
            System.out.println("Stopped. Data kept in " + config.data());
        }, "stack-shutdown"));
        stack.startAll();
        System.out.printf("PostgreSQL, Kafka and the services are up (%.0f s).%n", (System.nanoTime() - started) / 1e9);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        DemoStory story = null;
        if (config.demo()) {
            System.out.println("Loading the demo council from its files, as a council brings its records in (first start only)...");
            story = DemoData.loadOnce(stack, http);
        }
        Map<String, Integer> breaches = story == null
                ? Breaches.byRule(http, stack.gateway(), stack.tokens().seniorManager())
                : Breaches.awaitRules(http, stack.gateway(), stack.tokens().seniorManager(), STORY_RULES,
                Duration.ofSeconds(90));
        System.out.println(Banner.of(stack, story, breaches));

        while (stopping.get() || stack.stopped().isEmpty()) {
            Thread.sleep(2000);
        }
        stack.stopped().forEach(process ->
                System.err.println(process.name() + " stopped unexpectedly; see " + process.log()));
        System.exit(1);
    }
}
