package org.outpost.sync.deid;

import java.util.List;
import java.util.Objects;
import org.outpost.app.domain.Sex;

/**
 * Everything about one patient that may leave the site, and nothing else (HIPAA Safe Harbor, 45 CFR
 * 164.514(b)(2)). Its own type, built only by {@link Deidentifier}: no component is typed to hold a name, an
 * address, an MRN, a date finer than a year, or text a person wrote. Strings appear only inside code types that can
 * be made from Outpost's own tables ({@link MedicineCode}, {@link PgxResult}, {@link ModelCode}) or that accept
 * digits only ({@link Pseudonym}, {@link ResourceKey}, {@link Zip3}, {@link RxNormCode}); measures, units, gender
 * and statuses are enums. So what the FHIR builder receives cannot carry PHI, whatever the chart held.
 *
 * @param pseudonym    HMAC of the internal patient id under the site secret
 * @param birthYear    the year, or "90 or older"
 * @param gender       administrative gender
 * @param zip3         first three ZIP digits or {@code 000}
 * @param observations vitals and labs, ordered by LOINC code, year and key (not by time: the order within a
 *                     year would say more than the year)
 * @param medications  ordered by code and key
 * @param risks        model results, ordered by model id and key
 * @param genotypes    empty unless site and patient allow genotypes; ordered by gene and key
 * @param withheld     what stayed on the site, as counts and reasons
 */
public record DeidentifiedSummary(Pseudonym pseudonym, BirthYear birthYear, Sex gender, Zip3 zip3,
                                  List<DeidObservation> observations, List<DeidMedication> medications,
                                  List<DeidRiskResult> risks, List<DeidGenotype> genotypes, List<Withheld> withheld) {
    public DeidentifiedSummary {
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(birthYear, "birthYear");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(zip3, "zip3");
        observations = List.copyOf(observations);
        medications = List.copyOf(medications);
        risks = List.copyOf(risks);
        genotypes = List.copyOf(genotypes);
        withheld = List.copyOf(withheld);
    }

    /** What the k-anonymity check groups this record by. */
    public QuasiIdentifiers quasiIdentifiers() {
        return new QuasiIdentifiers(birthYear.band(), gender, zip3);
    }
}
