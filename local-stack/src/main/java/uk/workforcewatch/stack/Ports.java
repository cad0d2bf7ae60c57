package uk.workforcewatch.stack;

/** The loopback ports the stack listens on. */
public record Ports(int gateway, int caseload, int staffing, int sickness, int postgres, int kafka,
                    int kafkaController) {

    public static Ports defaults() {
        return new Ports(8080, 8081, 8082, 8083, 15432, 19092, 19093);
    }

    /** Every port moved by the same amount, so a second stack can run beside the first. */
    public Ports offsetBy(int offset) {
        return new Ports(gateway + offset, caseload + offset, staffing + offset, sickness + offset,
                postgres + offset, kafka + offset, kafkaController + offset);
    }
}
