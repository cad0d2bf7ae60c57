package uk.workforcewatch.sickness.security;

import uk.workforcewatch.access.TeamScope;

/**
 * Who is calling, as far as absence records care: their name and role for the audit, the teams they may
 * see, and whether they may see reasons (health data).
 */
public record Caller(String name, String role, TeamScope scope, boolean seesReasons) {
}
