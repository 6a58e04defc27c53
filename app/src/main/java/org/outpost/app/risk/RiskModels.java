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
                // cardiovascular
                new PooledCohortEquations(),
                new RevisedPooledCohortEquations(),
                PreventEquations.totalCvd(), PreventEquations.ascvd(), PreventEquations.heartFailure(),
                new PreventEquations(PreventEquations.Outcome.TOTAL_CVD, PreventEquations.Horizon.THIRTY_YEARS),
                new PreventEquations(PreventEquations.Outcome.ASCVD, PreventEquations.Horizon.THIRTY_YEARS),
                new PreventEquations(PreventEquations.Outcome.HEART_FAILURE, PreventEquations.Horizon.THIRTY_YEARS),
                new Qrisk3(),
                new Score2(),
                new Score2OlderPersons(),
                // diabetes
                new Findrisc(),
                // atrial fibrillation: stroke, then bleeding on anticoagulation
                new Cha2ds2Vasc(),
                new HasBled());
    }

    public static ModelRegistry registry() {
        return new ModelRegistry(all());
    }
}
