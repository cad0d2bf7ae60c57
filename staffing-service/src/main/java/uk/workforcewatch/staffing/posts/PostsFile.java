package uk.workforcewatch.staffing.posts;

import jakarta.enterprise.context.ApplicationScoped;
import uk.workforcewatch.bulk.Columns;
import uk.workforcewatch.bulk.CsvFile;
import uk.workforcewatch.bulk.CsvRow;
import uk.workforcewatch.bulk.CsvWriter;
import uk.workforcewatch.bulk.ImportTally;
import uk.workforcewatch.bulk.RecordFile;
import uk.workforcewatch.bulk.Sql;
import uk.workforcewatch.events.staffing.PostEvent;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.StaffingTopics;
import uk.workforcewatch.outbox.OutboxBatch;
import uk.workforcewatch.staffing.records.Lookups;
import uk.workforcewatch.staffing.api.CouncilKeys;
import uk.workforcewatch.staffing.api.Fte;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * {@code posts.csv}: one row a post of the establishment, known by its post number: its team (by name), role, FTE,
 * and the days it came into and went out of the structure. Vacancies follow from who fills the posts.
 */
@ApplicationScoped
public class PostsFile implements RecordFile {

    static final String POST_NUMBER = "postNumber";
    static final String TEAM = "team";
    static final String ROLE = "role";
    static final String FTE = "fte";
    static final String ESTABLISHED_ON = "establishedOn";
    static final String REMOVED_ON = "removedOn";
    private static final Columns COLUMNS = Columns.of(List.of(POST_NUMBER, TEAM, ROLE, FTE, ESTABLISHED_ON),
            List.of(REMOVED_ON));
    private static final int BATCH = 500;

    private final Clock clock;

    PostsFile(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "posts";
    }

    @Override
    public Columns columns() {
        return COLUMNS;
    }

    @Override
    public void read(Connection connection, CsvFile file, ImportTally tally, String by)
            throws SQLException, IOException {
        Set<String> seen = new HashSet<>();
        LocalDate today = LocalDate.now(clock);
        try (OutboxBatch events = new OutboxBatch(connection);
             PreparedStatement insert = connection.prepareStatement("insert into post (post_number, team_id, role, fte,"
                     + " established_on, removed_on, published_as_of, id, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)");
             PreparedStatement update = connection.prepareStatement("update post set post_number = ?, team_id = ?,"
                     + " role = ?, fte = ?, established_on = ?, removed_on = ?, published_as_of = ?,"
                     + " version = version + 1 where id = ?")) {
            List<CsvRow> batch;
            while (!(batch = file.next(BATCH)).isEmpty()) {
                Map<String, UUID> teams = Sql.teamsByName(connection, batch.stream().map(r -> r.text(TEAM)).toList());
                Map<String, Post> stored = stored(connection, batch.stream().map(r -> r.text(POST_NUMBER)).toList());
                for (CsvRow row : batch) {
                    Post post = post(row, teams, seen);
                    if (!row.valid()) {
                        continue;
                    }
                    Post before = stored.get(post.postNumber);
                    if (before != null && Objects.equals(before.state(today), withId(post, before).state(today))) {
                        tally.unchanged();
                        continue;
                    }
                    PreparedStatement statement = before == null ? insert : update;
                    if (before == null) {
                        post.id = UUID.randomUUID();
                        tally.created();
                    } else {
                        if ((!before.teamId.equals(post.teamId) || before.role != post.role) && filled(connection, before.id)) {
                            row.rejectRow("post " + post.postNumber + " is named by workers' periods: its team and role "
                                    + "stay as they are (" + before.role + ")");
                            continue;
                        }
                        withId(post, before);
                        tally.updated();
                    }
                    bind(statement, post, today);
                    statement.addBatch();
                    events.add(StaffingTopics.POSTS, new PostEvent(UUID.randomUUID(),
                            before == null ? PostEvent.ESTABLISHED : PostEvent.CHANGED, post.id, post.version,
                            clock.instant(), post.state(today)));
                }
                insert.executeBatch();
                update.executeBatch();
            }
        }
    }

    @Override
    public void write(Connection connection, CsvWriter out) throws SQLException {
        try (PreparedStatement select = Sql.streaming(connection, "select p.post_number, t.name, p.role, p.fte,"
                + " p.established_on, p.removed_on from post p join team t on t.id = p.team_id"
                + " order by p.post_number nulls last, p.id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                out.row(rows.getString("post_number"), rows.getString("name"), rows.getString("role"),
                        rows.getBigDecimal("fte"), Sql.date(rows, "established_on"), Sql.date(rows, "removed_on"));
            }
        }
    }

    /** The post the row describes, its errors recorded in the row. */
    private static Post post(CsvRow row, Map<String, UUID> teams, Set<String> seen) {
        Post post = new Post();
        post.postNumber = row.required(POST_NUMBER);
        if (post.postNumber != null && !CouncilKeys.valid(post.postNumber)) {
            row.reject(POST_NUMBER, CouncilKeys.RULE);
        } else if (post.postNumber != null && !seen.add(post.postNumber)) {
            row.reject(POST_NUMBER, "names a post already named on an earlier line");
        }
        String team = row.required(TEAM);
        post.teamId = team == null ? null : teams.get(Sql.lower(team));
        if (team != null && post.teamId == null) {
            row.reject(TEAM, "names no team (import teams.csv first)");
        }
        post.role = row.choice(ROLE, Role.class, true);
        post.fte = Fte.read(row, FTE);
        post.establishedOn = row.date(ESTABLISHED_ON, true);
        post.removedOn = row.date(REMOVED_ON, false);
        if (post.removedOn != null && post.establishedOn != null && post.removedOn.isBefore(post.establishedOn)) {
            row.reject(REMOVED_ON, "must not be before establishedOn " + post.establishedOn);
        }
        return post;
    }

    /** The stored post's id, next version and recruitment on the one read from the file. */
    private static Post withId(Post post, Post before) {
        post.id = before.id;
        post.version = before.version + 1;
        post.recruitment = before.recruitment;
        return post;
    }

    /** The post's facts, then the day it is published as of, then its id: the insert's order and the update's. */
    private static void bind(PreparedStatement statement, Post post, LocalDate today) throws SQLException {
        statement.setString(1, post.postNumber);
        statement.setObject(2, post.teamId);
        statement.setString(3, post.role.name());
        statement.setBigDecimal(4, post.fte);
        Sql.date(statement, 5, post.establishedOn);
        Sql.date(statement, 6, post.removedOn);
        Sql.date(statement, 7, today);
        statement.setObject(8, post.id);
    }

    /** The posts stored under these numbers, locked, with their recruitment. */
    private static Map<String, Post> stored(Connection connection, List<String> numbers) throws SQLException {
        Map<String, Post> found = new HashMap<>();
        Map<UUID, Post> byId = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select id, post_number, team_id, role, fte,"
                + " established_on, removed_on, version from post where post_number = any(?) for update")) {
            Sql.texts(select, 1, numbers.stream().filter(Objects::nonNull).toList());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Post post = new Post();
                    post.id = Sql.uuid(rows, "id");
                    post.postNumber = rows.getString("post_number");
                    post.teamId = Sql.uuid(rows, "team_id");
                    post.role = Role.valueOf(rows.getString("role"));
                    post.fte = rows.getBigDecimal("fte");
                    post.establishedOn = Sql.date(rows, "established_on");
                    post.removedOn = Sql.date(rows, "removed_on");
                    post.version = rows.getLong("version");
                    found.put(post.postNumber, post);
                    byId.put(post.id, post);
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("select post_id, id, advertised_on, offer_made_on,"
                + " starts_on, withdrawn_on from recruitment where post_id = any(?) order by advertised_on")) {
            Sql.uuids(select, 1, byId.keySet());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Recruitment round = new Recruitment();
                    round.id = Sql.uuid(rows, "id");
                    round.advertisedOn = Sql.date(rows, "advertised_on");
                    round.offerMadeOn = Sql.date(rows, "offer_made_on");
                    round.startsOn = Sql.date(rows, "starts_on");
                    round.withdrawnOn = Sql.date(rows, "withdrawn_on");
                    byId.get(Sql.uuid(rows, "post_id")).recruitment.add(round);
                }
            }
        }
        return found;
    }

    private static boolean filled(Connection connection, UUID postId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select exists (select 1 from worker_period where post_id = ?)")) {
            select.setObject(1, postId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
