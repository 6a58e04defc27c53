package org.outpost.app.port;

import java.util.List;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.PatientId;

/** Pharmacogenomic results. */
public interface GenotypeRepository {
    void insert(Genotype genotype);

    List<Genotype> forPatient(PatientId patient);
}
