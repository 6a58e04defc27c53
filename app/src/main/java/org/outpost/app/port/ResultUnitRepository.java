package org.outpost.app.port;

import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.Unit;
import org.outpost.app.results.ResultUnits;

/**
 * The site's choice of the unit each measure is shown in (issue 14), kept inside the encrypted database, one row a
 * measure. Changes go through the use case that audits them ({@code ResultUnitService}).
 */
public interface ResultUnitRepository {
    /** Every choice made; {@link ResultUnits#defaults()} until an administrator chose one. */
    ResultUnits load();

    /** Shows {@code measure} in {@code unit} from now on; {@code unit} must be one the measure accepts. */
    void save(Measure measure, Unit unit, Recorded changed);
}
