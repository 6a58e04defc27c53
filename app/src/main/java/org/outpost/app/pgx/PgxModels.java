package org.outpost.app.pgx;

import java.util.List;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.ModelRegistry;

/** The bundled pharmacogenomic models, for the integrator to add to the catalogue. */
public final class PgxModels {
    private PgxModels() {
    }

    /** {@code pgx-cpic} with the CPIC tables shipped with Outpost. */
    public static List<ClinicalModel> all() {
        return List.of(new PgxCpic());
    }

    public static ModelRegistry registry() {
        return new ModelRegistry(all());
    }
}
