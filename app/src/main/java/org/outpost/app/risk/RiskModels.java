package org.outpost.app.risk;

import java.util.List;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.ModelRegistry;

/** The bundled risk models, in the order the chart's risk panel shows them. */
public final class RiskModels {
    private RiskModels() {
    }

    public static List<ClinicalModel> all() {
        return List.of(
                new Cha2ds2Vasc(),
                new Findrisc(),
                new HasBled());
    }

    public static ModelRegistry registry() {
        return new ModelRegistry(all());
    }
}
