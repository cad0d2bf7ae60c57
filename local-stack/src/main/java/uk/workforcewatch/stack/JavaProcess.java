package uk.workforcewatch.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A JVM the stack starts, with its output in a log file, stopped politely and then firmly. */
final class JavaProcess implements AutoCloseable {

    private static final long POLITE_STOP_SECONDS = 30;

    private final String name;
    private final Process process;
    private final Path log;

    private JavaProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java <jvmOptions> <arguments>} with the extra environment, output appended to the log. */
    static JavaProcess start(String name, List<String> jvmOptions, List<String> arguments, Map<String, String> environment,
                             Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new JavaProcess(name, builder.start(), log);
    }

    /** Runs a JVM to its end, for one-off tools, and fails if it fails. */
    static void run(String name, List<String> jvmOptions, List<String> arguments, Path log)
            throws IOException, InterruptedException {
        JavaProcess tool = start(name, jvmOptions, arguments, Map.of(), log);
        if (!tool.process.waitFor(2, TimeUnit.MINUTES) || tool.process.exitValue() != 0) {
            tool.close();
            throw new IOException(name + " failed; see " + log);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the process to stop (SIGTERM) without waiting, so several can stop side by side. */
    void askToStop() {
        process.destroy();
    }

    /** Kills the process outright (SIGKILL: no shutdown hooks, nothing flushed), as a crash would, and waits for it. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(POLITE_STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
