package org.outpost.sync.deid;

import java.time.Year;
import java.util.Objects;

/** One pharmacogenomic result as it may leave: gene, diplotype and phenotype as CPIC spells them, and the year. */
public record DeidGenotype(ResourceKey key, PgxResult result, Year year) {
    public DeidGenotype {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(year, "year");
    }
}
