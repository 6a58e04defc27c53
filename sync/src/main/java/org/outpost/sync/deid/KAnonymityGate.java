package org.outpost.sync.deid;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The last check before a batch leaves: k-anonymity (Sweeney, "k-anonymity: a model for protecting privacy",
 * Int J Uncertainty Fuzziness Knowledge-Based Syst 2002;10(5):557-570) over the site's released records on the
 * quasi-identifiers Safe Harbor lets through — birth-year band, gender and three-digit ZIP. Safe Harbor alone
 * allows a record that is the only woman born 1950-1954 in ZIP3 021 at this site; the gate holds such a record back
 * until its group has at least k members.
 *
 * <p>The population is every patient of the site whose summary is or would be released (the consented patients),
 * not just the batch: groups are counted over all of them, and a record in a group smaller than k is held back
 * with the reason. Since whole groups are held back, every group that is released has at least k members.
 *
 * <p>Immutable and thread-safe.
 */
public final class KAnonymityGate {
    /** The default k (issue 12); a site may configure another. */
    public static final int DEFAULT_K = 5;

    private final int k;

    /** @param k the smallest group released; 1 releases everything */
    public KAnonymityGate(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k is at least 1");
        }
        this.k = k;
    }

    /** A gate with {@link #DEFAULT_K}. */
    public static KAnonymityGate withDefaultK() {
        return new KAnonymityGate(DEFAULT_K);
    }

    public int k() {
        return k;
    }

    /** The gate's answer for one record. */
    public record Verdict(Pseudonym pseudonym, QuasiIdentifiers quasiIdentifiers, int groupSize, int k) {
        public Verdict {
            Objects.requireNonNull(pseudonym, "pseudonym");
            Objects.requireNonNull(quasiIdentifiers, "quasiIdentifiers");
        }

        public boolean released() {
            return groupSize >= k;
        }

        /** Why it is held back, e.g. "group of 3 < k=5 on (1950-1954, female, 021)"; empty when released. */
        public Optional<String> reason() {
            return released() ? Optional.empty()
                    : Optional.of("group of " + groupSize + " < k=" + k + " on " + quasiIdentifiers);
        }

        @Override
        public String toString() {
            return pseudonym + ": " + reason().orElse("released");
        }
    }

    /**
     * A verdict for every record of {@code population}, in its iteration order.
     *
     * @param population every released (consented) record of the site by pseudonym
     */
    public Map<Pseudonym, Verdict> assess(Map<Pseudonym, QuasiIdentifiers> population) {
        Objects.requireNonNull(population, "population");
        Map<QuasiIdentifiers, Integer> groups = new HashMap<>();
        population.values().forEach(q -> groups.merge(Objects.requireNonNull(q, "quasi-identifiers"), 1, Integer::sum));
        Map<Pseudonym, Verdict> verdicts = new LinkedHashMap<>();
        population.forEach((p, q) -> verdicts.put(p, new Verdict(p, q, groups.get(q), k)));
        return Collections.unmodifiableMap(verdicts);
    }
}
