package uk.workforcewatch.stack.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Staff names and Social Work England registration numbers for the demo, drawn without repeats. Only
 * adults' names: children appear only as pseudonymous case references.
 */
final class Names {

    private static final List<String> FIRST = List.of(
            "James", "Sarah", "Mohammed", "Emma", "Aisha", "Thomas", "Rebecca", "Kwame", "Hannah", "Liam",
            "Zara", "Gareth", "Siobhan", "Rhys", "Amara", "Ben", "Nadia", "Craig", "Lucy", "Imran", "Helen",
            "Grace", "Tomasz", "Bethany", "Samuel", "Yasmin", "Andrew", "Claire", "Dominic", "Leah", "Patrick",
            "Funmi", "Karen", "Ryan", "Megan", "Adebayo", "Sophie", "Jonathan", "Harpreet", "Laura", "Stuart",
            "Nicola", "Ewa", "David", "Rachel", "Callum", "Amy", "Mark", "Joy", "Kieran", "Natalie", "Reza",
            "Louise", "Farah", "Owen", "Gemma", "Chidi", "Alison", "Rosie", "Hamza");
    private static final List<String> LAST = List.of(
            "Okafor", "Williams", "Khan", "Thompson", "Begum", "Wright", "Patel", "Roberts", "Walker", "Clarke",
            "Hussain", "Turner", "Davies", "Kowalski", "Murphy", "Ahmed", "Green", "Lewis", "Campbell", "Baker",
            "Ali", "Edwards", "Mitchell", "Osei", "Harris", "Morgan", "Shah", "Bennett", "Jones", "Kaur", "Wood",
            "Nowak", "Price", "Adeyemi", "Collins", "Ward", "Singh", "Hall", "Brown", "O'Neill", "Taylor",
            "Fraser", "Malik", "Phillips", "Carter", "Boateng", "Lloyd", "Iqbal", "Foster", "Chambers");

    private final Random random;
    private final Set<String> used = new HashSet<>();
    private final Set<String> registrations = new HashSet<>();

    /** {@code reserved}: names the story gives its people, never drawn for anyone else. */
    Names(Random random, Set<String> reserved) {
        this.random = random;
        this.used.addAll(reserved);
    }

    String next() {
        while (true) {
            String name = FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
            if (used.add(name)) {
                return name;
            }
        }
    }

    /** Two letters and ten digits, as staffing-service validates it. */
    String registrationNumber() {
        while (true) {
            String number = String.format("SW%010d", (long) (random.nextDouble() * 10_000_000_000L));
            if (registrations.add(number)) {
                return number;
            }
        }
    }
}
