package uk.workforcewatch.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a stack is made of: the checkout whose packaged services it runs, the folder that keeps its data and
 * logs between runs, its ports, whether to start from nothing, whether to load the demo council, and any
 * further environment for a service (the system test points the gateway's webhooks at its receiver).
 */
public record StackConfig(Path home, Path data, Ports ports, boolean fresh, boolean demo,
                          Map<String, Map<String, String>> extraEnvironment) {

    public StackConfig {
        home = home.toAbsolutePath().normalize();
        data = data.toAbsolutePath().normalize();
        extraEnvironment = Map.copyOf(extraEnvironment);
    }

    public Path logs() {
        return data.resolve("logs");
    }

    Map<String, String> extraEnvironment(String module) {
        return extraEnvironment.getOrDefault(module, Map.of());
    }
}
