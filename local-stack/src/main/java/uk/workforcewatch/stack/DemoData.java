package uk.workforcewatch.stack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import uk.workforcewatch.stack.demo.DemoCouncil;
import uk.workforcewatch.stack.demo.DemoStory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The demo council, loaded through the public API on a stack's first start only: its story is kept in the
 * stack's folder, and its presence there says the load finished.
 */
final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The services keep the council's own calendar. */
    private static final ZoneId COUNCIL_ZONE = ZoneId.of("Europe/London");

    private DemoData() {
    }

    static DemoStory loadOnce(Stack stack, HttpClient http) throws IOException, InterruptedException {
        Path file = stack.config().data().resolve("demo-story.json");
        if (Files.exists(file)) {
            return JSON.readValue(file.toFile(), DemoStory.class);
        }
        DemoStory story = new DemoCouncil(http, stack.staffing(), stack.caseload(), stack.sickness(), stack.tokens(),
                LocalDate.now(COUNCIL_ZONE), System.out).load(stack.config().data().resolve("demo-council"));
        Path written = file.resolveSibling("demo-story.json.tmp");
        JSON.writeValue(written.toFile(), story);
        Files.move(written, file);
        return story;
    }
}
