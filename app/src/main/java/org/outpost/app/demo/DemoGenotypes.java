package org.outpost.app.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Diplotype frequencies for the pharmacogenes on the demo panel, rounded and roughly those reported for
 * European-ancestry populations in the CPIC/PharmGKB frequency tables. They only need to look plausible
 * (common results common, poor metabolisers rare); they are not reference data.
 *
 * <p>Notation: star alleles for CYP2C19, CYP2C9, SLCO1B1, TPMT and CYP2D6 ({@code *1xN} is a duplication);
 * VKORC1 as the genotype at -1639G&gt;A (rs9923231); DPYD by HGVS variant against "Reference".
 */
final class DemoGenotypes {
    /** One gene's diplotypes with relative weights. */
    record Table(String gene, List<String> diplotypes, List<Integer> weights) {
        Table {
            if (diplotypes.size() != weights.size()) {
                throw new IllegalArgumentException("one weight per diplotype");
            }
        }

        String draw(RandomGenerator rng) {
            int total = weights.stream().mapToInt(Integer::intValue).sum();
            int x = rng.nextInt(total);
            for (int i = 0; i < weights.size(); i++) {
                x -= weights.get(i);
                if (x < 0) {
                    return diplotypes.get(i);
                }
            }
            return diplotypes.getLast();
        }
    }

    static final String CYP2C19 = "CYP2C19";
    static final String CYP2C19_POOR = "*2/*2";

    static final List<Table> PANEL = List.of(
            new Table(CYP2C19, List.of("*1/*1", "*1/*17", "*1/*2", "*17/*17", "*2/*17", "*2/*2", "*1/*3"),
                    List.of(39, 27, 18, 5, 7, 3, 1)),
            new Table("CYP2C9", List.of("*1/*1", "*1/*2", "*1/*3", "*2/*2", "*2/*3", "*3/*3"),
                    List.of(650, 190, 110, 15, 25, 10)),
            new Table("VKORC1", List.of("-1639G/G", "-1639G/A", "-1639A/A"), List.of(37, 47, 16)),
            new Table("SLCO1B1", List.of("*1/*1", "*1/*15", "*1/*5", "*15/*15", "*5/*15"), List.of(68, 24, 3, 3, 2)),
            new Table("TPMT", List.of("*1/*1", "*1/*3A", "*1/*3C", "*1/*2", "*3A/*3A"), List.of(890, 85, 15, 7, 3)),
            new Table("DPYD", List.of("Reference/Reference", "c.1129-5923C>G/Reference", "c.1905+1G>A/Reference",
                    "c.2846A>T/Reference"), List.of(930, 48, 11, 11)),
            new Table("CYP2D6", List.of("*1/*1", "*1/*2", "*1/*4", "*2/*4", "*1/*41", "*2/*41", "*4/*4", "*4/*5",
                    "*1/*5", "*1/*1xN", "*4/*41", "*1/*10"),
                    List.of(28, 20, 15, 6, 8, 5, 4, 1, 3, 2, 3, 5)));

    private DemoGenotypes() {
    }
}
