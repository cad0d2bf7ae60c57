package uk.workforcewatch.events.alerts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An alert as it stands: one per rule and subject (a worker, a case, a team) while its breach lasts.
 * {@code figures} are what make the rule hold, such as the open cases and the limit.
 */
public record AlertState(
        UUID id,
        Rule rule,
        String subjectType,
        UUID subjectId,
        UUID teamId,
        Severity severity,
        AlertStatus status,
        String summary,
        Map<String, Object> figures,
        Instant firedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        String acknowledgementNote,
        Instant resolvedAt) {
}
