package uk.workforcewatch.calendar;

import java.time.LocalDate;

/** Easter Sunday of the Gregorian calendar, by the anonymous Gregorian computus (Meeus, Jones, Butcher). */
final class Easter {

    private Easter() {
    }

    static LocalDate sunday(int year) {
        int golden = year % 19;
        int century = year / 100;
        int yearOfCentury = year % 100;
        int leapCenturies = century / 4;
        int centuryRest = century % 4;
        int moonCorrection = (century + 8) / 25;
        int solarCorrection = (century - moonCorrection + 1) / 3;
        // days from 21 March to the paschal full moon
        int epact = (19 * golden + century - leapCenturies - solarCorrection + 15) % 30;
        int leapYears = yearOfCentury / 4;
        int yearRest = yearOfCentury % 4;
        // days from the full moon to the Sunday after it
        int toSunday = (32 + 2 * centuryRest + 2 * leapYears - epact - yearRest) % 7;
        int lateCorrection = (golden + 11 * epact + 22 * toSunday) / 451;
        int daysFromMarch = epact + toSunday - 7 * lateCorrection + 114;
        return LocalDate.of(year, daysFromMarch / 31, daysFromMarch % 31 + 1);
    }
}
