package uk.workforcewatch.sickness.trends;

import uk.workforcewatch.calendar.WorkingDays;
import uk.workforcewatch.events.absence.AbsenceReason;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Absence trends over a period, grouped by month, team, reason or role, as the domain defines them. Pure: the
 * staff and spells are given, nothing is read.
 * <ul>
 * <li><b>days lost</b>: working days of each spell inside the group's period (an open spell runs to {@code to}),
 * each times the worker's FTE that day;</li>
 * <li><b>available FTE days</b>: for each worker employed in the group's period, the working days they were employed
 * in it times their FTE each day; for REASON every group has the whole population's;</li>
 * <li><b>days lost per FTE</b>: days lost ÷ the average FTE employed in the group's period (available FTE days ÷
 * working days in the group's period); over a year it reads as the census's "days per FTE";</li>
 * <li><b>time lost</b>: days lost ÷ available FTE days, a fraction to 4 places;</li>
 * <li><b>spells</b>: spells overlapping the group's period; long-term from the configured calendar days, counted to
 * the spell's end, or to {@code to} while it is open; the rest short-term.</li>
 * </ul>
 * A spell counts, with all its days in the period, to the team and role the worker had on its first day inside the
 * period; each working day available counts to the team and role of that day. With a team given, only that team's
 * spells and days count.
 */
public final class AbsenceTrends {

    private final WorkingDays workingDays;
    private final int longTermAfterDays;

    public AbsenceTrends(WorkingDays workingDays, int longTermAfterDays) {
        this.workingDays = workingDays;
        this.longTermAfterDays = longTermAfterDays;
    }

    /** One group's figures, or the total's ({@code key} "total"). */
    public record Row(String key, LocalDate from, LocalDate to, int workingDays, BigDecimal availableFteDays,
                      BigDecimal daysLost, BigDecimal daysLostPerFte, BigDecimal timeLost, int spells,
                      int shortTermSpells, BigDecimal shortTermDaysLost, int longTermSpells,
                      BigDecimal longTermDaysLost) {
    }

    public record Report(LocalDate from, LocalDate to, GroupBy groupBy, UUID teamId, List<Row> rows, Row total) {
    }

    /** The figures of {@code from}..{@code to}, both included, grouped; {@code teamId} null for every team. */
    public Report report(LocalDate from, LocalDate to, GroupBy groupBy, UUID teamId, List<Staff> staff,
                         List<Spell> spells) {
        Map<UUID, Staff> byWorker = staff.stream().collect(Collectors.toMap(Staff::workerId, Function.identity()));
        Map<String, Tally> groups = new LinkedHashMap<>();
        if (groupBy == GroupBy.MONTH) {
            for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(to); month = month.plusMonths(1)) {
                LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
                LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
                groups.put(month.toString(), new Tally(first, last));
            }
        } else if (groupBy == GroupBy.REASON) {
            for (AbsenceReason reason : AbsenceReason.values()) {
                groups.put(reason.name(), new Tally(from, to));
            }
        }
        Tally total = new Tally(from, to);
        List<LocalDate> days = workingDays.inclusive(from, to).toList();

        for (Staff worker : staff) {
            for (LocalDate day : days) {
                if (!worker.employedOn(day)) {
                    continue;
                }
                Staff.Post post = worker.postOn(day);
                if (post == null || (teamId != null && !teamId.equals(post.teamId()))) {
                    continue;
                }
                total.available = total.available.add(post.fte());
                if (groupBy == GroupBy.REASON) {
                    continue;
                }
                String key = switch (groupBy) {
                    case MONTH -> YearMonth.from(day).toString();
                    case TEAM -> post.teamId().toString();
                    case ROLE -> post.role().name();
                    case REASON -> throw new IllegalStateException();
                };
                Tally group = groups.computeIfAbsent(key, k -> new Tally(from, to));
                group.available = group.available.add(post.fte());
            }
        }
        if (groupBy == GroupBy.REASON) {
            groups.values().forEach(group -> group.available = total.available);
        }

        for (Spell spell : spells) {
            LocalDate first = spell.startDate().isBefore(from) ? from : spell.startDate();
            LocalDate last = spell.lastCountedBy(to);
            if (last.isBefore(first)) {
                continue;
            }
            Staff worker = byWorker.get(spell.workerId());
            Staff.Post post = worker == null ? null : worker.postOn(first);
            UUID team = post == null ? spell.teamId() : post.teamId();
            if (teamId != null && !teamId.equals(team)) {
                continue;
            }
            LocalDate countedTo = spell.endDate() == null ? to : spell.endDate();
            boolean longTerm = ChronoUnit.DAYS.between(spell.startDate(), countedTo) + 1 >= longTermAfterDays;
            total.add(longTerm, lost(worker, first, last));
            switch (groupBy) {
                case MONTH -> {
                    for (Tally month : groups.values()) {
                        if (!month.from.isAfter(last) && !month.to.isBefore(first)) {
                            LocalDate a = month.from.isAfter(first) ? month.from : first;
                            LocalDate b = month.to.isBefore(last) ? month.to : last;
                            month.add(longTerm, lost(worker, a, b));
                        }
                    }
                }
                case TEAM -> groups.computeIfAbsent(team.toString(), k -> new Tally(from, to))
                        .add(longTerm, lost(worker, first, last));
                case ROLE -> groups.computeIfAbsent(post == null ? "UNKNOWN" : post.role().name(),
                        k -> new Tally(from, to)).add(longTerm, lost(worker, first, last));
                case REASON -> groups.get(spell.reason().name()).add(longTerm, lost(worker, first, last));
            }
        }

        List<Row> rows = new ArrayList<>();
        groups.forEach((key, tally) -> rows.add(tally.row(key)));
        if (groupBy == GroupBy.TEAM || groupBy == GroupBy.ROLE) {
            rows.sort(Comparator.comparing(Row::key));
        }
        return new Report(from, to, groupBy, teamId, rows, total.row("total"));
    }

    /** FTE working days lost from {@code first} to {@code last}; none for a worker not known. */
    private BigDecimal lost(Staff worker, LocalDate first, LocalDate last) {
        if (worker == null) {
            return BigDecimal.ZERO;
        }
        return workingDays.inclusive(first, last).map(worker::fteOn).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A group's running sums, unrounded until the row is made. */
    private final class Tally {
        final LocalDate from;
        final LocalDate to;
        BigDecimal available = BigDecimal.ZERO;
        BigDecimal shortLost = BigDecimal.ZERO;
        BigDecimal longLost = BigDecimal.ZERO;
        int shortSpells;
        int longSpells;

        Tally(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
        }

        void add(boolean longTerm, BigDecimal lost) {
            if (longTerm) {
                longSpells++;
                longLost = longLost.add(lost);
            } else {
                shortSpells++;
                shortLost = shortLost.add(lost);
            }
        }

        Row row(String key) {
            int days = workingDays.countInclusive(from, to);
            BigDecimal lost = shortLost.add(longLost);
            BigDecimal perFte = available.signum() == 0 ? null
                    : lost.multiply(BigDecimal.valueOf(days)).divide(available, 2, RoundingMode.HALF_UP);
            BigDecimal share = available.signum() == 0 ? null : lost.divide(available, 4, RoundingMode.HALF_UP);
            return new Row(key, from, to, days, two(available), two(lost), perFte, share, shortSpells + longSpells,
                    shortSpells, two(shortLost), longSpells, two(longLost));
        }
    }

    private static BigDecimal two(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
