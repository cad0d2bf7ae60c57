package uk.workforcewatch.deployment;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static uk.workforcewatch.deployment.ComposeFileTest.assertNoProblems;

/** Each service's src/main/docker/Dockerfile.jvm: Quarkus' JVM layout on a Java 17 runtime, run as no one special. */
class DockerfilesTest {

    private static final Pattern FROM = Pattern.compile("(?im)^FROM\\s+(\\S+)");
    private static final Pattern USER = Pattern.compile("(?im)^USER\\s+(\\S+)");
    private static final Pattern EXPOSE = Pattern.compile("(?im)^EXPOSE\\s+(.+)$");
    private static final List<String> LAYOUT = List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar",
            "target/quarkus-app/app/", "target/quarkus-app/quarkus/");

    @Test
    void everyServiceHasAJvmImageOfTheQuarkusLayout() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : Repository.services()) {
            Path file = module.dir().resolve("src/main/docker/Dockerfile.jvm");
            if (!Files.isRegularFile(file)) {
                problems.add(module.name() + ": no " + module.dir().relativize(file));
                continue;
            }
            String text = Repository.read(file).replaceAll("\\\\\\r?\\n", " ");
            String name = module.name() + ": ";

            Matcher from = FROM.matcher(text);
            String base = null;
            while (from.find()) {
                base = from.group(1);
            }
            if (base == null || !(base.matches("registry\\.access\\.redhat\\.com/ubi[89]/openjdk-17-runtime(:.+)?")
                    || base.matches("eclipse-temurin:17(\\.[0-9.]+)?-jre.*"))) {
                problems.add(name + "the runtime image " + base + " is not an official Java 17 runtime");
            }
            for (String part : LAYOUT) {
                if (!Pattern.compile("(?im)^COPY\\s+(--\\S+\\s+)*" + Pattern.quote(part) + "\\s").matcher(text).find()) {
                    problems.add(name + "does not copy " + part);
                }
            }
            Matcher user = USER.matcher(text);
            String lastUser = null;
            while (user.find()) {
                lastUser = user.group(1);
            }
            if (lastUser == null || lastUser.matches("(root|0)(:.*)?")) {
                problems.add(name + "runs as root (USER " + lastUser + ")");
            }
            int port = module.defaultHttpPort();
            Matcher expose = EXPOSE.matcher(text);
            if (!expose.find() || !List.of(expose.group(1).trim().split("\\s+")).contains(String.valueOf(port))) {
                problems.add(name + "does not expose its HTTP port " + port);
            }
            if (!text.contains("JAVA_OPTS") || !text.contains("MaxRAMPercentage")) {
                problems.add(name + "sets no JAVA_OPTS sized from the container's memory (MaxRAMPercentage)");
            }
            if (!text.contains("quarkus-run.jar") && !text.contains("JAVA_APP_JAR")) {
                problems.add(name + "does not run quarkus-run.jar");
            }
        }
        assertNoProblems(problems);
    }
}
