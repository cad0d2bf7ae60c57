package uk.workforcewatch.stack.demo;

import java.util.UUID;

/** Signed bearer tokens for the people who load the demo council through the public API. */
public interface DemoTokens {

    String hrOfficer();

    String seniorManager();

    String teamManager(UUID team);
}
