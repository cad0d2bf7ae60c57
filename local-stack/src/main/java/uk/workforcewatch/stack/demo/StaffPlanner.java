package uk.workforcewatch.stack.demo;

import uk.workforcewatch.events.staffing.CareerStage;
import uk.workforcewatch.events.staffing.CensusRole;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.LeaverDestination;
import uk.workforcewatch.events.staffing.LeavingReason;
import uk.workforcewatch.events.staffing.Qualification;
import uk.workforcewatch.events.staffing.QualificationLevel;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.StartOrigin;
import uk.workforcewatch.stack.demo.CouncilPlan.Leaving;
import uk.workforcewatch.stack.demo.CouncilPlan.Post;
import uk.workforcewatch.stack.demo.CouncilPlan.Recruitment;
import uk.workforcewatch.stack.demo.CouncilPlan.Worker;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws each team's people, posts and recruitment from its shape: start dates in past years, part-time
 * FTEs, this year's leavers and who replaced them, agency workers covering vacant posts, and rounds of
 * recruitment (finished for this year's starters, open for the vacancies). Pure: only the random source
 * and {@code today} decide.
 */
final class StaffPlanner {

    private static final List<BigDecimal> PART_TIME = List.of(
            new BigDecimal("0.5"), new BigDecimal("0.6"), new BigDecimal("0.7"), new BigDecimal("0.8"));
    /** Mostly from other councils; some newly qualified, from agencies, the voluntary sector, or back to work. */
    private static final List<StartOrigin> ORIGINS = List.of(
            StartOrigin.SOCIAL_WORK_OTHER_COUNCIL_ENGLAND, StartOrigin.SOCIAL_WORK_OTHER_COUNCIL_ENGLAND,
            StartOrigin.SOCIAL_WORK_OTHER_COUNCIL_ENGLAND, StartOrigin.AGENCY_OR_CONSULTANCY_ENGLAND,
            StartOrigin.NEWLY_QUALIFIED, StartOrigin.NEWLY_QUALIFIED, StartOrigin.NOT_SOCIAL_CARE_OR_NO_EMPLOYMENT,
            StartOrigin.SOCIAL_WORK_NOT_COUNCIL_ENGLAND);
    /** How the newly qualified qualified: a degree, or a master's (by Step Up to Social Work or Frontline). */
    private static final List<QualificationLevel> NEWLY_QUALIFIED = List.of(
            QualificationLevel.UNDERGRADUATE, QualificationLevel.UNDERGRADUATE, QualificationLevel.POSTGRADUATE,
            QualificationLevel.POSTGRADUATE);
    /** How everyone else qualified: a degree, a master's, or an older award such as the Diploma in Social Work. */
    private static final List<QualificationLevel> QUALIFICATION_LEVELS = List.of(
            QualificationLevel.UNDERGRADUATE, QualificationLevel.UNDERGRADUATE, QualificationLevel.UNDERGRADUATE,
            QualificationLevel.UNDERGRADUATE, QualificationLevel.UNDERGRADUATE, QualificationLevel.POSTGRADUATE,
            QualificationLevel.POSTGRADUATE, QualificationLevel.POSTGRADUATE, QualificationLevel.POSTGRADUATE,
            QualificationLevel.OTHER);
    static final List<String> UNIVERSITIES = List.of(
            "University of Birmingham", "University of Sussex", "University of Leeds", "University of Nottingham",
            "University of York", "Goldsmiths, University of London", "Manchester Metropolitan University",
            "Sheffield Hallam University", "University of Central Lancashire", "Kingston University");
    /** The front door's manager runs the MASH as a service manager: the census counts them a middle manager. */
    static final String MIDDLE_MANAGER_TEAM = "front-door";
    private static final List<Leaving> WAYS_OF_LEAVING = List.of(
            new Leaving(null, LeavingReason.RESIGNATION, LeaverDestination.SOCIAL_WORK_OTHER_COUNCIL_ENGLAND),
            new Leaving(null, LeavingReason.RESIGNATION, LeaverDestination.SOCIAL_WORK_OTHER_COUNCIL_ENGLAND),
            new Leaving(null, LeavingReason.RESIGNATION, LeaverDestination.AGENCY_OR_CONSULTANCY_ENGLAND),
            new Leaving(null, LeavingReason.RESIGNATION, LeaverDestination.AGENCY_OR_CONSULTANCY_ENGLAND),
            new Leaving(null, LeavingReason.RESIGNATION, LeaverDestination.NOT_SOCIAL_CARE_OR_NO_EMPLOYMENT),
            new Leaving(null, LeavingReason.RETIRED, LeaverDestination.NOT_SOCIAL_CARE_OR_NO_EMPLOYMENT),
            // a fixed-term contract that ended: the census has no reason of its own for it
            new Leaving(null, LeavingReason.OTHER, LeaverDestination.NOT_KNOWN));

    private final Random random;
    /** The census details (qualifications) draw from a source of their own, leaving the rest of the plan alone. */
    private final Random census;
    private final LocalDate today;
    private final Names names;
    /** The restructure that set up the establishment: every original post dates from it. */
    private final LocalDate structure;
    private final List<Post> posts = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private final List<Recruitment> recruitment = new ArrayList<>();
    private int postsInTeam;

    StaffPlanner(Random random, Random census, LocalDate today, Names names) {
        this.random = random;
        this.census = census;
        this.today = today;
        this.names = names;
        this.structure = LocalDate.of(today.getYear() - 15, 4, 1);
    }

    List<Post> posts() {
        return List.copyOf(posts);
    }

    List<Worker> workers() {
        return List.copyOf(workers);
    }

    List<Recruitment> recruitment() {
        return List.copyOf(recruitment);
    }

    void plan(TeamShape team) {
        postsInTeam = 0;
        permanent(team, "manager", Role.TEAM_MANAGER, BigDecimal.ONE, daysAgo(5 * 365, 14 * 365));
        for (int i = 1; i <= team.seniorPractitioners(); i++) {
            permanent(team, "senior-practitioner-" + i, Role.SENIOR_PRACTITIONER, BigDecimal.ONE,
                    daysAgo(4 * 365, 12 * 365));
        }
        int settled = team.socialWorkers() - team.replacedLeavers();
        for (int i = 1; i <= settled; i++) {
            permanent(team, "social-worker-" + i, Role.SOCIAL_WORKER, BigDecimal.ONE, daysAgo(365, 9 * 365));
        }
        int leavers = 0;
        for (int i = settled + 1; i <= team.socialWorkers(); i++) {
            replacedLeaver(team, "leaver-" + ++leavers, "social-worker-" + i);
        }
        for (int i = 1; i <= team.partTime(); i++) {
            permanent(team, "part-time-" + i, Role.SOCIAL_WORKER, PART_TIME.get(random.nextInt(PART_TIME.size())),
                    daysAgo(2 * 365, 12 * 365));
        }
        for (int i = 1; i <= team.asye(); i++) {
            newlyQualified(team, "asye-" + i);
        }
        List<Vacancy> vacancies = new ArrayList<>();
        for (Role role : team.vacantLeaverRoles()) {
            vacancies.add(leaverNotReplaced(team, "leaver-" + ++leavers, role));
        }
        for (int i = 0; i < team.newVacancies(); i++) {
            Post post = post(team, Role.SOCIAL_WORKER, BigDecimal.ONE, daysAgo(90, 330));
            vacancies.add(new Vacancy(post, post.establishedOn()));
        }
        if (team.agency() > vacancies.size()) {
            throw new IllegalStateException(team.key() + ": more agency workers than vacant posts to cover");
        }
        for (int i = 0; i < team.agency(); i++) {
            Vacancy vacancy = vacancies.get(i);
            LocalDate start = min(vacancy.since().plusDays(1 + random.nextInt(21)), today.minusDays(7));
            add(team, "agency-" + (i + 1), vacancy.post().role(), vacancy.post().fte(), Employment.AGENCY, start,
                    vacancy.post(), StartOrigin.AGENCY_OR_CONSULTANCY_ENGLAND, level(), null);
        }
        vacancies.forEach(this::openRecruitment);
    }

    /** A post vacant since a day: the day after its holder left, or the day it was established. */
    private record Vacancy(Post post, LocalDate since) {
    }

    private void permanent(TeamShape team, String name, Role role, BigDecimal fte, LocalDate start) {
        add(team, name, role, fte, Employment.PERMANENT, start, post(team, role, fte, structure), origin(), level(),
                null);
    }

    /** Left this year; a new starter took the post after a round of recruitment. */
    private void replacedLeaver(TeamShape team, String leaver, String starter) {
        Post post = post(team, Role.SOCIAL_WORKER, BigDecimal.ONE, structure);
        LocalDate leftOn = daysAgo(150, 300);
        add(team, leaver, Role.SOCIAL_WORKER, BigDecimal.ONE, Employment.PERMANENT,
                leftOn.minusDays(365 + random.nextInt(7 * 365)), post, origin(), level(), leaving(leftOn));
        LocalDate start = leftOn.plusDays(35 + random.nextInt(56));
        add(team, starter, Role.SOCIAL_WORKER, BigDecimal.ONE, Employment.PERMANENT, start, post, origin(), level(),
                null);
        recruitment.add(new Recruitment(post.key(), leftOn.minusDays(28), leftOn.plusDays(5 + random.nextInt(16)),
                start));
    }

    /** Left this year; the post is still vacant. */
    private Vacancy leaverNotReplaced(TeamShape team, String leaver, Role role) {
        Post post = post(team, role, BigDecimal.ONE, structure);
        LocalDate leftOn = daysAgo(60, 300);
        add(team, leaver, role, BigDecimal.ONE, Employment.PERMANENT,
                leftOn.minusDays(365 + random.nextInt(7 * 365)), post, origin(), level(), leaving(leftOn));
        return new Vacancy(post, leftOn.plusDays(1));
    }

    /** In their assessed first year: offered a post before qualifying, started within the last year. */
    private void newlyQualified(TeamShape team, String name) {
        Post post = post(team, Role.ASYE, BigDecimal.ONE, structure);
        LocalDate start = daysAgo(60, 330);
        add(team, name, Role.ASYE, BigDecimal.ONE, Employment.PERMANENT, start, post, StartOrigin.NEWLY_QUALIFIED,
                NEWLY_QUALIFIED.get(random.nextInt(NEWLY_QUALIFIED.size())), null);
        recruitment.add(new Recruitment(post.key(), start.minusDays(150), start.minusDays(100), start));
    }

    /** Every vacancy is advertised; some have an offer made and await a start date. */
    private void openRecruitment(Vacancy vacancy) {
        LocalDate advertised = max(daysAgo(10, 70), vacancy.post().establishedOn());
        LocalDate offer = advertised.isBefore(today.minusDays(30)) && random.nextInt(5) < 2
                ? advertised.plusDays(21 + random.nextInt(8)) : null;
        recruitment.add(new Recruitment(vacancy.post().key(), advertised, offer, null));
    }

    private Post post(TeamShape team, Role role, BigDecimal fte, LocalDate establishedOn) {
        Post post = new Post(team.key() + "/post-" + ++postsInTeam, team.key(), role, fte, establishedOn);
        posts.add(post);
        return post;
    }

    private void add(TeamShape team, String name, Role role, BigDecimal fte, Employment employment,
                     LocalDate start, Post post, StartOrigin origin, QualificationLevel level, Leaving leaving) {
        String key = team.key() + "/" + name;
        Qualification qualification = new Qualification(UNIVERSITIES.get(census.nextInt(UNIVERSITIES.size())), level);
        CensusRole censusRole = role == Role.TEAM_MANAGER && team.key().equals(MIDDLE_MANAGER_TEAM)
                ? CensusRole.MIDDLE_MANAGER : null;
        workers.add(new Worker(key, StoryCast.nameOf(key).orElseGet(names::next), team.key(), role, fte,
                employment, start, post.key(), names.registrationNumber(), origin, qualification, censusRole,
                careerStage(role), leaving));
    }

    /** The career framework's stage each role stands at; an ASYE worker's is implied. */
    private static CareerStage careerStage(Role role) {
        return switch (role) {
            case SOCIAL_WORKER -> CareerStage.FRONTLINE_PRACTITIONER;
            case SENIOR_PRACTITIONER -> CareerStage.PRACTICE_SUPERVISOR;
            case TEAM_MANAGER -> CareerStage.PRACTICE_LEADER;
            case ASYE, SUPPORT_WORKER -> null;
        };
    }

    private Leaving leaving(LocalDate leftOn) {
        Leaving way = WAYS_OF_LEAVING.get(random.nextInt(WAYS_OF_LEAVING.size()));
        return new Leaving(leftOn, way.reason(), way.destination());
    }

    private StartOrigin origin() {
        return ORIGINS.get(random.nextInt(ORIGINS.size()));
    }

    private QualificationLevel level() {
        return QUALIFICATION_LEVELS.get(census.nextInt(QUALIFICATION_LEVELS.size()));
    }

    private LocalDate daysAgo(int fewest, int most) {
        return today.minusDays(fewest + random.nextInt(most - fewest + 1));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
