package uk.workforcewatch.gateway.rules;

import org.junit.jupiter.api.Test;
import uk.workforcewatch.events.staffing.Employment;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.gateway.view.PostView;
import uk.workforcewatch.gateway.view.WorkerView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TeamStaffingTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-09-30");
    private static final UUID TEAM = UUID.randomUUID();

    private final List<WorkerView> workers = new ArrayList<>();
    private final List<PostView> posts = new ArrayList<>();

    private PostView post(Role role, String fte) {
        PostView post = new PostView();
        post.id = UUID.randomUUID();
        post.teamId = TEAM;
        post.role = role;
        post.fte = new BigDecimal(fte);
        post.establishedOn = TODAY.minusYears(1);
        posts.add(post);
        return post;
    }

    private WorkerView worker(Role role, Employment employment, String fte, PostView post) {
        WorkerView worker = new WorkerView();
        worker.id = UUID.randomUUID();
        worker.teamId = TEAM;
        worker.name = "W" + workers.size();
        worker.role = role;
        worker.employment = employment;
        worker.fte = new BigDecimal(fte);
        worker.postId = post == null ? null : post.id;
        worker.startDate = TODAY.minusYears(1);
        workers.add(worker);
        return worker;
    }

    @Test
    void theCensusFiguresCountQualifiedSocialWorkersEmployedOnTheDayAndThePostsNoPermanentWorkerFills() {
        PostView filled = post(Role.SOCIAL_WORKER, "1.0");
        PostView covered = post(Role.SOCIAL_WORKER, "1.0");
        PostView leaversPost = post(Role.SENIOR_PRACTITIONER, "0.5");
        post(Role.SUPPORT_WORKER, "1.0");                                  // not counted
        PostView removed = post(Role.SOCIAL_WORKER, "1.0");
        removed.removedOn = TODAY.minusDays(1);                           // no longer in the structure
        worker(Role.SOCIAL_WORKER, Employment.PERMANENT, "1.0", filled);
        worker(Role.ASYE, Employment.PERMANENT, "0.8", null);
        worker(Role.SOCIAL_WORKER, Employment.AGENCY, "1.0", covered);
        worker(Role.SOCIAL_WORKER, Employment.AGENCY, "0.6", null);
        worker(Role.SUPPORT_WORKER, Employment.PERMANENT, "1.0", null);   // not counted
        worker(Role.SENIOR_PRACTITIONER, Employment.PERMANENT, "0.5", leaversPost).leftOn = TODAY.minusDays(1);
        WorkerView elsewhere = worker(Role.SOCIAL_WORKER, Employment.PERMANENT, "1.0", covered);
        elsewhere.teamId = UUID.randomUUID();                             // another team's

        TeamStaffing staffing = TeamStaffing.of(TEAM, workers, posts, TODAY);
        assertEquals(3, staffing.posts().size());
        assertEquals(0, new BigDecimal("2.5").compareTo(staffing.postsFte()));
        assertEquals(Set.of(covered.id, leaversPost.id), staffing.vacantPostIds());
        assertEquals(0, new BigDecimal("1.5").compareTo(staffing.vacantFte()));
        assertEquals(0, new BigDecimal("1.8").compareTo(staffing.permanentFte()));
        assertEquals(0, new BigDecimal("1.6").compareTo(staffing.agencyFte()));
        assertEquals(0, BigDecimal.ONE.compareTo(staffing.agencyFteCoveringVacancies()));
        assertEquals(Optional.of(new BigDecimal("0.4545")), staffing.vacancyRate(), "1.5 ÷ (1.5 + 1.8)");
        assertEquals(Optional.of(new BigDecimal("0.4706")), staffing.agencyRate(), "1.6 ÷ (1.6 + 1.8)");
        assertEquals(Optional.of(new BigDecimal("0.6667")), staffing.agencyCoverOfVacancies(), "1.0 ÷ 1.5");
        assertEquals(filled.id, staffing.permanentHolders().keySet().iterator().next());
    }

    @Test
    void theNationalFiguresOf2023GiveTheCensusRates() {
        // England, 30 September 2023: 33,119.1 FTE in post, 7,173.5 agency FTE, 7,722.7 vacant FTE
        PostView vacant = post(Role.SOCIAL_WORKER, "7722.7");
        worker(Role.SOCIAL_WORKER, Employment.PERMANENT, "33119.1", null);
        worker(Role.SOCIAL_WORKER, Employment.AGENCY, "7173.5", vacant);
        TeamStaffing staffing = TeamStaffing.of(TEAM, workers, posts, TODAY);
        assertEquals(Optional.of(new BigDecimal("0.1891")), staffing.vacancyRate());
        assertEquals(Optional.of(new BigDecimal("0.1780")), staffing.agencyRate());
    }

    @Test
    void aTeamWithNobodyAndNoPostsHasNoRates() {
        TeamStaffing staffing = TeamStaffing.of(TEAM, workers, posts, TODAY);
        assertEquals(Optional.empty(), staffing.vacancyRate());
        assertEquals(Optional.empty(), staffing.agencyRate());
        assertEquals(Optional.empty(), staffing.agencyCoverOfVacancies());
    }
}
