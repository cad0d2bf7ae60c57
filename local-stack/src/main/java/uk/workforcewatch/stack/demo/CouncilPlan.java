package uk.workforcewatch.stack.demo;

import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.CareerStage;
import uk.workforcewatch.events.staffing.CensusRole;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.LeaverDestination;
import uk.workforcewatch.events.staffing.LeavingReason;
import uk.workforcewatch.events.staffing.Qualification;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.ServiceArea;
import uk.workforcewatch.events.staffing.StartOrigin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo council as data: teams, the establishment of posts, workers (leavers and agency cover among
 * them), recruitment and open cases, all dated relative to {@code today}. Pure and deterministic: the same
 * seed and day give an equal plan, so every fresh start looks the same. Things refer to each other by
 * stable keys ({@code "cp-east/social-worker-1"}); the services' ids are learnt only when it is sent.
 * Lists are in the order the loader sends them: a worker's cases in the order they are allocated.
 */
record CouncilPlan(LocalDate today, List<Team> teams, List<Post> posts, List<Worker> workers, List<Case> cases,
                   List<Case> closedCases, List<Recruitment> recruitment, Story story) {

    /** The demo council for the day. */
    static CouncilPlan of(long seed, LocalDate today) {
        return new CouncilPlanner(seed, today).plan();
    }

    record Team(String key, String name, ServiceArea area) {
    }

    /** A post of the establishment: a role and FTE in a team, from a date. */
    record Post(String key, String teamKey, Role role, BigDecimal fte, LocalDate establishedOn) {
    }

    /**
     * {@code postKey} is the post the worker fills or, for an agency worker, covers; {@code leaving} is empty
     * while they stay. The census details are complete, as the census return needs them: {@code censusRole}
     * only where it differs from what the role implies, {@code careerStage} empty for the ASYE, whose it implies.
     */
    record Worker(String key, String name, String teamKey, Role role, BigDecimal fte, Employment employment,
                  LocalDate startDate, String postKey, String registrationNumber, StartOrigin origin,
                  Qualification qualification, CensusRole censusRole, CareerStage careerStage, Leaving leaving) {

        int limit() {
            return Limits.caseload(role, fte);
        }

        int cpLimit() {
            return Limits.cp(role, fte);
        }

        /** Started and not past the last day. */
        boolean employedOn(LocalDate date) {
            return !date.isBefore(startDate) && (leaving == null || !date.isAfter(leaving.leftOn()));
        }

        boolean isPartTime() {
            return fte.compareTo(BigDecimal.ONE) < 0;
        }
    }

    /** The last day, why and where to. */
    record Leaving(LocalDate leftOn, LeavingReason reason, LeaverDestination destination) {
    }

    /**
     * A case: {@code workerKey} empty for an unallocated one (for a closed case, who held it last);
     * {@code overrideReason} only on an allocation that goes over a limit, which a senior manager makes. {@code
     * history} is who held it from when, from its opening (a worker key, or null for nobody); {@code closedOn}
     * and {@code closeReason} empty while it is open.
     */
    record Case(String reference, CaseCategory category, String teamKey, LocalDate openedOn, String workerKey,
                String overrideReason, List<Change> history, LocalDate closedOn, String closeReason) {

        /** An open case held by one worker (or nobody) since the day it opened. */
        static Case open(String reference, CaseCategory category, String teamKey, LocalDate openedOn,
                         String workerKey, String overrideReason) {
            return new Case(reference, category, teamKey, openedOn, workerKey, overrideReason,
                    workerKey == null ? List.of() : List.of(new Change(openedOn, workerKey)), null, null);
        }

        boolean isAllocated() {
            return workerKey != null;
        }

        /** The same case with who held it before its current holder. */
        Case withHistory(List<Change> changes) {
            return new Case(reference, category, teamKey, openedOn, workerKey, overrideReason, List.copyOf(changes),
                    closedOn, closeReason);
        }
    }

    /** Who held a case from a day on: a worker's key, or null when nobody did. */
    record Change(LocalDate on, String workerKey) {
    }

    /** A round of recruitment to a post: advertised, and perhaps an offer made and a start date. */
    record Recruitment(String postKey, LocalDate advertisedOn, LocalDate offerMadeOn, LocalDate startsOn) {
    }

    /** The subjects of the story the gateway's alerts tell, by key (the unallocated CP case by reference). */
    record Story(String shownTeam, List<String> overLimitWorkers, String cpMixWorker, String asyeOverLimit,
                 String unallocatedCpCase, String highVacancyTeam) {
    }

    Team team(String key) {
        return teams.stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no team " + key));
    }

    Worker worker(String key) {
        return workers.stream().filter(w -> w.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no worker " + key));
    }

    Post post(String key) {
        return posts.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no post " + key));
    }

    Case caseWithReference(String reference) {
        return cases.stream().filter(c -> c.reference().equals(reference)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + reference));
    }

    List<Worker> workersOf(String teamKey) {
        return workers.stream().filter(w -> w.teamKey().equals(teamKey)).toList();
    }

    List<Post> postsOf(String teamKey) {
        return posts.stream().filter(p -> p.teamKey().equals(teamKey)).toList();
    }

    /** The worker's cases in the order they are allocated. */
    List<Case> casesHeldBy(String workerKey) {
        return cases.stream().filter(c -> workerKey.equals(c.workerKey())).toList();
    }

    List<Case> unallocatedCases() {
        return cases.stream().filter(c -> !c.isAllocated()).toList();
    }

    /** Employed today: the workers caseload-service must know before cases are allocated. */
    List<Worker> inPost() {
        return workers.stream().filter(w -> w.employedOn(today)).toList();
    }

    List<Worker> leavers() {
        return workers.stream().filter(w -> w.leaving() != null).toList();
    }

    /** Posts of the team (all, {@code teamKey} empty) in the establishment today that no permanent worker fills. */
    List<Post> vacantPosts(Optional<String> teamKey) {
        Set<String> filled = workers.stream()
                .filter(w -> w.employment() == Employment.PERMANENT && w.employedOn(today) && w.postKey() != null)
                .map(Worker::postKey).collect(Collectors.toSet());
        return posts.stream()
                .filter(p -> teamKey.isEmpty() || p.teamKey().equals(teamKey.get()))
                .filter(p -> !p.establishedOn().isAfter(today) && !filled.contains(p.key()))
                .toList();
    }

    /** The workers who ever held or covered the post, in the order they were hired. */
    List<Worker> holdersOf(String postKey) {
        return workers.stream().filter(w -> Objects.equals(w.postKey(), postKey)).toList();
    }
}
