package uk.workforcewatch.stack;

import uk.workforcewatch.stack.demo.DemoStory;

import java.util.Map;
import java.util.stream.Collectors;

/** What the launcher prints once everything is up: where things are, tokens to paste, what to try. */
final class Banner {

    private Banner() {
    }

    static String of(Stack stack, DemoStory story, Map<String, Integer> breaches) {
        var tokens = stack.tokens();
        StringBuilder text = new StringBuilder("""

                Workforce Watch is running.
                  gateway      %s   (the whole API: monitoring and alerts, and every service's endpoints)
                  dashboard    %s/dashboard/   (sign in with SM_TOKEN below)
                  Swagger UI   %s/q/swagger-ui
                  staffing     %s   (for operators: users go through the gateway)
                  caseload     %s
                  sickness     %s
                  logs         %s   (postgres.log, kafka.log, one per service)

                Demo tokens, valid 12 hours (a new set is printed at every start); paste into a shell:
                  export HR_TOKEN=%s
                  export SM_TOKEN=%s
                """.formatted(stack.gateway(), stack.gateway(), stack.gateway(), stack.staffing(), stack.caseload(),
                stack.sickness(), stack.config().logs(), tokens.hrOfficer(),
                tokens.seniorManager()));
        if (story != null) {
            DemoStory.Worker overLimit = story.overLimit().stream()
                    .filter(worker -> worker.teamId().equals(story.managedTeam())).findFirst()
                    .orElse(story.overLimit().get(0));
            text.append("  export TM_TOKEN=").append(tokens.teamManager(story.managedTeam())).append('\n');
            text.append("  export TEAM=").append(story.managedTeam()).append("     # ")
                    .append(story.managedTeamName()).append(", whose manager TM_TOKEN is\n");
            text.append("  export WORKER=").append(overLimit.id()).append("   # ").append(overLimit.name())
                    .append(", over the limit\n");
            text.append("  export CASE=").append(story.unallocatedCp().id()).append("     # ")
                    .append(story.unallocatedCp().reference()).append(", a CP case nobody holds\n\n");
            text.append("The demo council:\n");
            story.lines().forEach(line -> text.append("  ").append(line).append('\n'));
        }
        text.append("\nOpen alerts at the gateway: ").append(breaches.isEmpty() ? "none" : breaches.entrySet().stream()
                .map(rule -> rule.getKey() + " " + rule.getValue()).collect(Collectors.joining(", ")));
        text.append("""


                Try:
                  curl -s -H "Authorization: Bearer $SM_TOKEN" %s/api/v1/breaches
                See README.md for the tour. Ctrl-C stops everything.
                """.formatted(stack.gateway()));
        return text.toString();
    }
}
