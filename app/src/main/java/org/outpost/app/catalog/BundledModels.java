package org.outpost.app.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.outpost.app.dosing.CkdEpi2021;
import org.outpost.app.dosing.DosingModels;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.ModelRegistry;
import org.outpost.app.risk.RiskModels;

/** Every model Outpost ships — risk, then dosing — as the command line's {@code calc} offers them. */
public final class BundledModels {
    private BundledModels() {
    }

    public static List<ClinicalModel> all() {
        List<ClinicalModel> all = new ArrayList<>(RiskModels.all());
        all.addAll(DosingModels.all());
        return List.copyOf(all);
    }

    /**
     * Models that compute another model's input from the chart, by input name: PREVENT's {@code egfr} from
     * the CKD-EPI 2021 equation on the latest creatinine.
     */
    public static Map<String, ClinicalModel> derivedInputs() {
        return Map.of("egfr", new CkdEpi2021());
    }

    public static ModelRegistry registry() {
        return new ModelRegistry(all());
    }
}
