package org.outpost.app.dosing;

import java.util.List;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.ModelRegistry;

/** The bundled renal-function and dosing models, in the order a dosing panel shows them. */
public final class DosingModels {
    private DosingModels() {
    }

    public static List<ClinicalModel> all() {
        return List.of(new CockcroftGault(), new CkdEpi2021(), new DoacDose());
    }

    public static ModelRegistry registry() {
        return new ModelRegistry(all());
    }
}
