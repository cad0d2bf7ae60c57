package uk.workforcewatch.caseload;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.testing.ServiceTestEnvironment;
import uk.workforcewatch.testing.Tokens;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How fast a council's cases come in: a generated {@code cases.csv} of {@code -Dcases=} cases (default 100,000), each
 * held by one worker and then another, streamed to {@code POST /api/v1/imports/cases} as it is generated (no file
 * whole in memory on either side), beside its anchor in the same run: PostgreSQL taking the same number of rows of
 * the same width by plain JDBC batches, the fastest a row can go in. Also the heap the service held at most while
 * importing. Not part of {@code verify}; run it with
 * {@code ./mvnw -pl caseload-service -am verify -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(value = ServiceTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class ImportBenchmark {

    private static final int CASES = Integer.getInteger("cases", 100_000);
    private static final int WORKERS = 200;

    @TestHTTPResource("/api/v1/imports/cases")
    URI imports;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void casesWithTheirHistoryImportBesideAPlainJdbcInsertOfTheSameRows() throws Exception {
        UUID team = Staffing.team();
        List<String> staff = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            staff.add(Staffing.staffNumber(Staffing.worker(team, Role.SOCIAL_WORKER, "1.0")));
        }
        String prefix = "B" + UUID.randomUUID().toString().substring(0, 6);

        long anchorNanos = anchor(CASES * 2);

        AtomicLong heapPeak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> heapPeak.accumulateAndGet(usedHeap(), Math::max), 0, 50, TimeUnit.MILLISECONDS);
        System.gc();
        long heapBefore = usedHeap();
        long started = System.nanoTime();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(imports)
                        .header("Authorization", "Bearer " + Tokens.seniorManager())
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> file(prefix, team, staff))).build(),
                HttpResponse.BodyHandlers.ofString());
        long importNanos = System.nanoTime() - started;
        sampler.shutdownNow();
        assertEquals(200, answer.statusCode(), answer.body());

        double rowsPerSecond = CASES * 2 / (importNanos / 1e9);
        double anchorPerSecond = CASES * 2 / (anchorNanos / 1e9);
        System.out.printf("import of %,d cases (%,d rows): %.1f s, %,.0f rows/s; plain JDBC batches of the same rows: "
                        + "%,.0f rows/s (the import at %.1f%% of it); heap %,d MB before, %,d MB at most while importing%n",
                CASES, CASES * 2, importNanos / 1e9, rowsPerSecond, anchorPerSecond, 100 * rowsPerSecond / anchorPerSecond,
                heapBefore >> 20, heapPeak.get() >> 20);
    }

    /** The file, generated as it is read: each case opened, held by one worker, then by the next. */
    private static InputStream file(String prefix, UUID team, List<String> staff) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < CASES;
            }

            @Override
            public InputStream nextElement() {
                String text;
                if (next < 0) {
                    text = "reference,category,team,openedOn,effectiveOn,staffNumber\r\n";
                } else {
                    String reference = prefix + "-" + next;
                    String first = staff.get(next % staff.size());
                    String second = staff.get((next + 1) % staff.size());
                    text = reference + ",CIN,Team " + team + ",2024-04-01,2024-04-01," + first + "\r\n"
                            + reference + ",CIN,Team " + team + ",2024-04-01,2025-04-01," + second + "\r\n";
                }
                next++;
                return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }

    /** The same number of rows, of the width of a change of holder, in batches of 500 in one transaction. */
    private long anchor(int rows) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement create = connection.createStatement()) {
                create.execute("create temporary table anchor (id bigserial primary key, case_id uuid, worker_id uuid,"
                        + " change text, effective_on date, recorded_at timestamptz, recorded_by text)");
            }
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("insert into anchor (case_id, worker_id,"
                    + " change, effective_on, recorded_at, recorded_by) values (?, ?, 'ALLOCATED', current_date, now(),"
                    + " 'benchmark')")) {
                for (int i = 0; i < rows; i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, UUID.randomUUID());
                    insert.addBatch();
                    if (i % 500 == 499) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            return System.nanoTime() - started;
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
