package uk.workforcewatch.stack.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The story as the launcher prints it and keeps it between starts. */
class DemoStoryTest {

    private static final UUID CP_EAST = UUID.fromString("227dcb1f-5eb2-42c8-a700-1b7e981ef50d");
    private static final UUID CP_WEST = UUID.fromString("5f1ae730-0215-46a1-9c4f-7b7704f0b550");
    private static final UUID PRIYA = UUID.fromString("f4c2994e-5c9d-4e42-b634-d77b83155df1");
    private static final UUID AMIRA = UUID.fromString("0b8d1f5e-9d55-4f0a-8a43-3c2f1c6f7e21");
    private static final UUID FREQUENT = UUID.fromString("3c9e2a41-7b5d-4e8f-a1c6-0d2b4f6e8a90");
    private static final UUID OVERDUE = UUID.fromString("6a1e4b7c-2f0d-4c1b-9e3a-5d8f7a9b0c12");

    private final DemoStory story = new DemoStory(9, 124, 111, 13, 9, 116, 14, 1315, 13, CP_EAST,
            "Child Protection East",
            List.of(worker(PRIYA, "Priya Sharma", "SOCIAL_WORKER", 17, 10, 15, 10)),
            worker(UUID.randomUUID(), "Daniel Mensah", "SOCIAL_WORKER", 15, 12, 15, 10),
            worker(UUID.randomUUID(), "Chloe Evans", "ASYE", 14, 0, 12, 8),
            new DemoStory.Case(UUID.randomUUID(), "C-118739", "CP", CP_EAST, "Child Protection East",
                    LocalDate.of(2026, 11, 23)),
            new DemoStory.ShortStaffedTeam(CP_WEST, "Child Protection West", new BigDecimal("0.2963"),
                    new BigDecimal("4.000000"), new BigDecimal("9.500000"), new BigDecimal("0.2400")),
            new DemoStory.Absences(262, 9, new BigDecimal("905.40"), new BigDecimal("8.1"),
                    new DemoStory.Absent(worker(AMIRA, "Amira Okafor", "SOCIAL_WORKER", 14, 8, 15, 10),
                            UUID.randomUUID(), LocalDate.of(2026, 11, 17), null, true),
                    new DemoStory.Absent(worker(UUID.randomUUID(), "Tom Baker", "TEAM_MANAGER", 0, 0, 0, 0),
                            UUID.randomUUID(), LocalDate.of(2026, 10, 12), null, true),
                    new DemoStory.Absent(worker(UUID.randomUUID(), "Sam Lee", "SOCIAL_WORKER", 12, 3, 15, 10),
                            OVERDUE, LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 12), false),
                    new DemoStory.FrequentlyAbsent(worker(FREQUENT, "Kofi Asante", "SOCIAL_WORKER", 13, 2, 15, 10),
                            5, 10, 250, 200)),
            Duration.ofMillis(41_300));

    @Test
    void linesTellTheStoryWithIdsAndFigures() {
        List<String> lines = story.lines();
        assertTrue(lines.get(0).contains("1,315 open cases, 13 unallocated"), lines.get(0));
        assertTrue(lines.contains("Child Protection East: worker Priya Sharma (id " + PRIYA
                + ") holds 17 cases, over the limit of 15"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("holds 12 CP cases of 15, over the CP limit of 10")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("ASYE worker Chloe Evans")
                && l.contains("holds 14 cases, over the protected limit of 12")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("CP case C-118739") && l.contains("2026-11-23")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Child Protection West (id " + CP_WEST
                + "): vacancy rate 29.6% (4 vacant FTE, 9.5 permanent FTE)")), lines.toString());
        assertTrue(lines.contains("Sickness absence over the last 12 months: 262 episodes (9 long-term), about 905"
                + " working days lost, 8.1 per FTE"), lines.toString());
        assertTrue(lines.contains("Child Protection East: worker Amira Okafor (id " + AMIRA
                + ") absent since 2026-11-17, still holding 14 cases, 8 of them CP"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("team manager Tom Baker")
                && l.contains("off long-term since 2026-10-12, covered by a fit note")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("worker Sam Lee") && l.contains("back on 2026-11-12")
                && l.contains("no return-to-work interview (episode " + OVERDUE + ")")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("worker Kofi Asante (id " + FREQUENT + ") off 5 times in"
                + " 52 weeks, 10 working days: Bradford factor 250")), lines.toString());
    }

    /** A story kept by a launcher from before the absence was loaded reads back, and tells what it has. */
    @Test
    void aStoryKeptBeforeAbsenceWasLoadedStillTellsTheRest() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        ObjectNode written = json.valueToTree(story);
        written.remove("absences");
        DemoStory older = json.treeToValue(written, DemoStory.class);
        assertEquals(story.lines().size() - 5, older.lines().size());
    }

    /** The launcher keeps the story as JSON in the stack's folder and reads it back on later starts. */
    @Test
    void survivesTheLaunchersJson() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        String written = json.writeValueAsString(story);
        assertFalse(written.contains("lines"), "only the figures are kept: " + written);
        assertEquals(story, json.readValue(written, DemoStory.class));
    }

    private static DemoStory.Worker worker(UUID id, String name, String role, int cases, int cp, int limit,
                                           int cpLimit) {
        return new DemoStory.Worker(id, name, role, BigDecimal.ONE, CP_EAST, "Child Protection East", cases, cp,
                limit, cpLimit);
    }
}
