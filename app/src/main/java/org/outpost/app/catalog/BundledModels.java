package org.outpost.app.catalog;

import java.util.ArrayList;
import java.util.List;
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

    public static ModelRegistry registry() {
        return new ModelRegistry(all());
    }
}
