package uk.workforcewatch.events.staffing;

import java.util.UUID;

/** A team as it stands. {@code managerId} is the worker who manages it, when one is named. */
public record TeamState(UUID id, String name, ServiceArea serviceArea, UUID managerId) {
}
