package uk.workforcewatch.stack.demo;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The ids the services gave the plan's teams, workers, posts and cases, by the plan's keys (cases by reference). */
final class LoadedIds {

    private final Map<String, UUID> ids = new ConcurrentHashMap<>();

    void put(String key, UUID id) {
        if (id == null) {
            throw new IllegalStateException(key + " is not in the services after the import");
        }
        if (ids.putIfAbsent(key, id) != null) {
            throw new IllegalStateException(key + " was loaded twice");
        }
    }

    UUID of(String key) {
        UUID id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException(key + " has not been loaded");
        }
        return id;
    }
}
