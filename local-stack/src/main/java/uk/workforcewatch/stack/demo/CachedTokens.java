package uk.workforcewatch.stack.demo;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Signs each person's token once per load rather than once per request: thousands of RSA signatures saved. */
final class CachedTokens implements DemoTokens {

    private final DemoTokens tokens;
    private final Map<String, String> signed = new ConcurrentHashMap<>();

    CachedTokens(DemoTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String hrOfficer() {
        return signed.computeIfAbsent("hr-officer", any -> tokens.hrOfficer());
    }

    @Override
    public String seniorManager() {
        return signed.computeIfAbsent("senior-manager", any -> tokens.seniorManager());
    }

    @Override
    public String teamManager(UUID team) {
        return signed.computeIfAbsent("team-manager " + team, any -> tokens.teamManager(team));
    }
}
