package org.outpost.sync.deid;

import java.time.Year;
import java.util.Objects;
import java.util.Optional;

/**
 * One medicine on the list as it may leave: coded only (the medicines table's generic name and ATC codes, the RxNorm
 * concept, or both), its status on the as-of day, and start and stop years. No dose, route or frequency text.
 */
public record DeidMedication(ResourceKey key, Optional<MedicineCode> medicine, Optional<RxNormCode> rxnorm,
                             MedicationStatus status, Year startYear, Optional<Year> stopYear) {
    public DeidMedication {
        Objects.requireNonNull(key, "key");
        medicine = medicine == null ? Optional.empty() : medicine;
        rxnorm = rxnorm == null ? Optional.empty() : rxnorm;
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startYear, "startYear");
        stopYear = stopYear == null ? Optional.empty() : stopYear;
        if (medicine.isEmpty() && rxnorm.isEmpty()) {
            throw new IllegalArgumentException("A released medication has a code");
        }
    }
}
