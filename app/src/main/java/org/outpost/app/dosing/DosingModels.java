package org.outpost.app.dosing;

import java.util.List;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.ModelRegistry;

/** The bundled dosing models (renal function, then drug doses), in the order a dosing panel shows them. */
public final class DosingModels {
    private DosingModels() {
    }

    public static List<ClinicalModel> all() {
        return List.of(new CockcroftGault(), new CkdEpi2021(), new WarfarinIwpcDose(), new DoacDose(),
                new CkdEpi2021CreatinineCystatin(), new WarfarinLabelDose());
    }

    public static ModelRegistry registry() {
        return new ModelRegistry(all());
    }
}
