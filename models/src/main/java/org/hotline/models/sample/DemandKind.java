package org.hotline.models.sample;

import java.util.random.RandomGenerator;

/** What the citizen wants; picks the phrase sections. Shares are typical of a 12345 hotline. */
enum DemandKind {
    COMPLAINT("complaint", "problem", "request", 0.45),
    HELP("help", "problem", "request", 0.20),
    CONSULT("consult", "problem.consult", "request.consult", 0.20),
    SUGGEST("suggest", "problem.suggest", "request", 0.05),
    REPORT("report", "problem", "request", 0.10);

    final String titleSection;
    final String problemSection;
    final String requestSection;
    private final double share;

    DemandKind(String name, String problemSection, String requestSection, double share) {
        this.titleSection = "title." + name;
        this.problemSection = problemSection;
        this.requestSection = requestSection;
        this.share = share;
    }

    /** Whether the citizen describes harm done (impact, earlier attempts) rather than asks or proposes. */
    boolean grievance() {
        return this == COMPLAINT || this == HELP || this == REPORT;
    }

    static DemandKind sample(RandomGenerator rng) {
        double u = rng.nextDouble();
        for (DemandKind kind : values()) {
            u -= kind.share;
            if (u < 0) {
                return kind;
            }
        }
        return COMPLAINT;
    }
}
