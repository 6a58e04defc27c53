package org.outpost.sync.deid;

import java.util.Objects;

/**
 * How many entries of one kind stayed on the site, and why. Counts and fixed reasons only: nothing of what was
 * withheld.
 */
public record Withheld(Kind kind, Reason reason, int count) {
    /** What was withheld. */
    public enum Kind {
        MEDICATION("medications"), RISK_RESULT("model results"), GENOTYPE("genotype results");

        private final String plural;

        Kind(String plural) {
            this.plural = plural;
        }

        public String plural() {
            return plural;
        }
    }

    /** Why. */
    public enum Reason {
        NOT_CODED("neither in the medicines table nor RxNorm-coded: free text never leaves"),
        GENOTYPES_NOT_ALLOWED("genotypes are not shared for this patient or site"),
        DERIVED_FROM_GENOTYPE("computed from genotypes, which are not shared for this patient or site"),
        NOT_INTERPRETABLE("not interpretable with the CPIC tables in force: the lab's own text never leaves"),
        NO_VALUE("no numeric result"),
        UNKNOWN_MODEL("the model is not one this version of Outpost ships");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public Withheld {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (count < 1) {
            throw new IllegalArgumentException("count >= 1");
        }
    }

    @Override
    public String toString() {
        return count + " " + kind.plural() + " withheld: " + reason.text();
    }
}
