package org.outpost.store.jdbc;

import java.util.List;
import java.util.Objects;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.PatientId;
import org.outpost.app.port.GenotypeRepository;

/** Pharmacogenomic results, oldest result first. */
public final class JdbcGenotypeRepository implements GenotypeRepository {
    private final Tx tx;

    public JdbcGenotypeRepository(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public void insert(Genotype g) {
        tx.requireWritable();
        Jdbc.runChanging(tx, "save the genotype", g.patient().value(), c -> Jdbc.updateSealed(c, tx.seal(), SealedTable.GENOTYPES, g.id(),
                "INSERT INTO genotypes (id, patient_id, gene, diplotype, source, result_date) VALUES (?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, g.id());
                    ps.setObject(2, g.patient().value());
                    ps.setString(3, g.gene());
                    ps.setString(4, g.diplotype());
                    ps.setString(5, g.source());
                    ps.setObject(6, g.resultDate());
                }));
    }

    @Override
    public List<Genotype> forPatient(PatientId patient) {
        return Jdbc.run(tx, "read genotypes", c -> Jdbc.query(c,
                "SELECT " + SealedTable.GENOTYPES.select("") + " FROM genotypes WHERE patient_id = ? "
                        + "ORDER BY result_date, gene, id",
                ps -> ps.setObject(1, patient.value()),
                rs -> {
                    tx.seal().check(SealedTable.GENOTYPES, rs);
                    return new Genotype(Jdbc.uuid(rs, "id"), patient, rs.getString("gene"), rs.getString("diplotype"),
                            rs.getString("source"), Jdbc.date(rs, "result_date"));
                }));
    }
}
