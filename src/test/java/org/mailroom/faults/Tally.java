package org.mailroom.faults;

/**
 * What one fault trial did to a campaign, from both ends: the delivery rows and what the SMTP server received.
 * Lost: a recipient who received nothing and is not recorded as failed (or is recorded sent but received nothing).
 */
record Tally(String fault, int trials, int recipients, int delivered, int failed, int marked, int unmarked, int lost) {
    static final String HEADER = "| fault | trials | recipients | delivered | failed (5xx, recorded) | duplicates marked / unmarked | lost |\n"
        + "|---|---:|---:|---:|---:|---:|---:|";

    String row() {
        return String.format("| %s | %d | %,d | %,d | %,d | %d / %d | %d |", fault, trials, recipients, delivered, failed, marked, unmarked, lost);
    }

    Tally named(String name, int trialCount) {
        return new Tally(name, trialCount, recipients, delivered, failed, marked, unmarked, lost);
    }
}
