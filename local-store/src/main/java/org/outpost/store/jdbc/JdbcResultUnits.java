package org.outpost.store.jdbc;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.Unit;
import org.outpost.app.port.ResultUnitRepository;
import org.outpost.app.port.StoreException;
import org.outpost.app.results.ResultUnits;

/**
 * The site's unit per measure in {@code result_units} (V15), one sealed row a measure, keyed by LOINC code and
 * holding the UCUM unit. A row whose measure or unit this build does not know (written by a later version) is
 * refused with a message rather than shown in a guessed unit.
 */
public final class JdbcResultUnits implements ResultUnitRepository {
    private final Tx tx;

    public JdbcResultUnits(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public ResultUnits load() {
        Map<Measure, ResultUnits.Choice> chosen = new EnumMap<>(Measure.class);
        Jdbc.run(tx, "read the result units", c -> Jdbc.query(c, "SELECT " + SealedTable.RESULT_UNITS.select("")
                + " FROM result_units ORDER BY loinc", ps -> { }, rs -> {
                    tx.seal().check(SealedTable.RESULT_UNITS, rs);
                    String loinc = rs.getString("loinc");
                    String ucum = rs.getString("ucum_unit");
                    Measure m = Measure.byLoinc(loinc).orElseThrow(() -> new StoreException(
                            "The result units name a measure this version does not know (LOINC " + loinc + ")"));
                    Unit u = Unit.parse(ucum).filter(x -> x.ucum().equals(ucum) && m.accepts(x))
                            .orElseThrow(() -> new StoreException("The result unit of LOINC " + loinc + " ('" + ucum
                                    + "') is not one this version gives the measure in"));
                    chosen.put(m, new ResultUnits.Choice(u, new Recorded(rs.getString("changed_by"),
                            Jdbc.instant(rs, "changed_at"))));
                    return null;
                }));
        return new ResultUnits(chosen);
    }

    @Override
    public void save(Measure measure, Unit unit, Recorded changed) {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(changed, "changed");
        if (!measure.accepts(unit)) {
            throw new IllegalArgumentException(unit.display() + " is not a unit for " + measure);
        }
        tx.requireWritable();
        Jdbc.run(tx, "save a result unit", c -> Jdbc.updateSealed(c, tx.seal(), SealedTable.RESULT_UNITS,
                measure.loinc(), "MERGE INTO result_units (loinc, ucum_unit, changed_by, changed_at) KEY (loinc) "
                        + "VALUES (?, ?, ?, ?)", ps -> {
                    ps.setString(1, measure.loinc());
                    ps.setString(2, unit.ucum());
                    ps.setString(3, changed.by());
                    ps.setObject(4, changed.at());
                }));
    }
}
