package uk.workforcewatch.stack.demo;

import uk.workforcewatch.events.caseload.CaseCategory;
import uk.workforcewatch.events.staffing.Role;
import uk.workforcewatch.events.staffing.ServiceArea;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static uk.workforcewatch.events.caseload.CaseCategory.ADOPTION;
import static uk.workforcewatch.events.caseload.CaseCategory.ASSESSMENT;
import static uk.workforcewatch.events.caseload.CaseCategory.CARE_LEAVER;
import static uk.workforcewatch.events.caseload.CaseCategory.CIN;
import static uk.workforcewatch.events.caseload.CaseCategory.COURT;
import static uk.workforcewatch.events.caseload.CaseCategory.CP;
import static uk.workforcewatch.events.caseload.CaseCategory.LAC;
import static uk.workforcewatch.events.staffing.Role.SENIOR_PRACTITIONER;
import static uk.workforcewatch.events.staffing.Role.SOCIAL_WORKER;

/**
 * What one team of the demo council looks like: how many of each kind of worker it has (besides its team
 * manager), the leavers, vacancies and agency cover, and the mix of its cases. The planner draws the
 * details (names, dates, FTEs, caseloads) at random from this.
 *
 * @param socialWorkers       full-time permanent social workers, {@code replacedLeavers} of them recent
 *                            starters in the post of someone who left this year
 * @param partTime            permanent social workers on 0.5 to 0.8 FTE
 * @param vacantLeaverRoles   the roles of this year's leavers whose posts are still vacant
 * @param newVacancies        posts added to the establishment this year and never filled
 * @param agency              agency workers, each covering one of the vacant posts
 * @param unallocated         recently opened non-CP cases still waiting for a worker
 * @param mix                 the share (weight) of each category among the team's cases
 */
record TeamShape(String key, String name, ServiceArea area, int seniorPractitioners, int socialWorkers,
                 int replacedLeavers, int partTime, int asye, List<Role> vacantLeaverRoles, int newVacancies,
                 int agency, int unallocated, Map<CaseCategory, Integer> mix) {

    /**
     * The demo council: a front door, assessment, two child protection teams (West short of staff), children
     * in need, children in care, leaving care, disabled children and court. Vacancy rates come out at 7 to
     * 14%, Child Protection West's at about 29%; no team's agency rate reaches 25%.
     */
    static final List<TeamShape> COUNCIL = List.of(
            new TeamShape("front-door", "Front Door (MASH)", ServiceArea.INTAKE_AND_ASSESSMENT,
                    2, 7, 1, 1, 1, List.of(SOCIAL_WORKER), 0, 1, 3, mix(ASSESSMENT, 70, CIN, 20, CP, 10)),
            new TeamShape("assessment-north", "Assessment North", ServiceArea.INTAKE_AND_ASSESSMENT,
                    2, 8, 0, 1, 2, List.of(SOCIAL_WORKER), 1, 1, 2, mix(ASSESSMENT, 75, CIN, 15, CP, 10)),
            new TeamShape("cp-east", "Child Protection East", ServiceArea.CHILD_PROTECTION,
                    2, 9, 0, 1, 1, List.of(SOCIAL_WORKER), 0, 1, 1, mix(CP, 50, CIN, 35, COURT, 10, ASSESSMENT, 5)),
            new TeamShape("cp-west", "Child Protection West", ServiceArea.CHILD_PROTECTION,
                    1, 7, 0, 1, 0, List.of(SENIOR_PRACTITIONER, SOCIAL_WORKER, SOCIAL_WORKER), 1, 3, 1,
                    mix(CP, 50, CIN, 35, COURT, 10, ASSESSMENT, 5)),
            new TeamShape("children-in-need", "Children in Need", ServiceArea.CHILDREN_IN_NEED,
                    2, 8, 1, 2, 1, List.of(SOCIAL_WORKER), 0, 0, 2, mix(CIN, 80, ASSESSMENT, 12, CP, 8)),
            new TeamShape("children-in-care", "Children in Care", ServiceArea.LOOKED_AFTER_CHILDREN,
                    2, 8, 0, 1, 1, List.of(SOCIAL_WORKER), 1, 1, 1, mix(LAC, 72, COURT, 13, ADOPTION, 10, CIN, 5)),
            new TeamShape("leaving-care", "Leaving Care", ServiceArea.CARE_LEAVERS,
                    1, 5, 0, 1, 0, List.of(SOCIAL_WORKER), 0, 0, 1, mix(CARE_LEAVER, 88, LAC, 12)),
            new TeamShape("disabled-children", "Children with Disabilities", ServiceArea.DISABLED_CHILDREN,
                    1, 5, 0, 1, 1, List.of(), 1, 1, 1, mix(CIN, 60, LAC, 20, CP, 10, ASSESSMENT, 10)),
            new TeamShape("court", "Court and Proceedings", ServiceArea.COURT,
                    2, 5, 1, 0, 0, List.of(SOCIAL_WORKER), 0, 1, 0, mix(COURT, 65, LAC, 25, CP, 10)));

    /** The category with the largest share that is not high-risk: where a team's extra or safe cases come from. */
    CaseCategory commonestSafeCategory() {
        return mix.entrySet().stream().filter(e -> !e.getKey().isHighRisk())
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static Map<CaseCategory, Integer> mix(Object... pairs) {
        Map<CaseCategory, Integer> mix = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            mix.put((CaseCategory) pairs[i], (Integer) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(mix);
    }
}
