package uk.workforcewatch.gateway.rules;

import uk.workforcewatch.events.alerts.Rule;
import uk.workforcewatch.events.alerts.Severity;

import java.util.Map;
import java.util.UUID;

/** A rule that holds now for a subject, with the figures that make it hold. */
public record Breach(Rule rule, String subjectType, UUID subjectId, UUID teamId, Severity severity, String summary,
                     Map<String, Object> figures) {

    public static final String WORKER = "WORKER";
    public static final String CASE = "CASE";
    public static final String TEAM = "TEAM";
    public static final String EPISODE = "EPISODE";

    /** The same breach, raised in another team. */
    public Breach inTeam(UUID team) {
        return new Breach(rule, subjectType, subjectId, team, severity, summary, figures);
    }
}
