package org.outpost.app.catalog;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outpost.app.dosing.CkdEpi2021;
import org.outpost.app.dosing.CkdEpi2021CreatinineCystatin;
import org.outpost.app.dosing.CockcroftGault;
import org.outpost.app.dosing.DoacDose;
import org.outpost.app.dosing.DosingModels;
import org.outpost.app.dosing.WarfarinIwpcDose;
import org.outpost.app.dosing.WarfarinLabelDose;
import org.outpost.app.ml.LearnedModels;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.medicines.DrugClasses;
import org.outpost.app.model.ChartVocabulary;
import org.outpost.app.model.InputResolver;
import org.outpost.app.problems.ProblemCatalogue;
import org.outpost.app.model.ModelRegistry;
import org.outpost.app.pgx.PgxCpic;
import org.outpost.app.pgx.PgxModels;
import org.outpost.app.prescribing.DrugModel;
import org.outpost.app.prescribing.PrescribingCheck;
import org.outpost.app.risk.RiskModels;

/**
 * Every model Outpost ships — risk, dosing, pharmacogenomics, then learned models — as the command line's
 * {@code calc} offers them.
 */
public final class BundledModels {
    private BundledModels() {
    }

    public static List<ClinicalModel> all() {
        return all(LearnedModels.all());
    }

    /** Every model in force with this content: its learned models are a signed update's where there is one. */
    public static List<ClinicalModel> all(ClinicalContent content) {
        return all(content.learnedModels());
    }

    private static List<ClinicalModel> all(List<ClinicalModel> learned) {
        List<ClinicalModel> all = new ArrayList<>(RiskModels.all());
        all.addAll(DosingModels.all());
        all.addAll(PgxModels.all());
        all.addAll(learned);
        return List.copyOf(all);
    }

    /**
     * Models that compute another model's input from the chart, by input name: PREVENT's {@code egfr} from
     * the CKD-EPI 2021 equation on the latest creatinine.
     */
    /** What medication entries and problem codes mean, by the bundled medicines-by-class table and problem catalogue. */
    public static ChartVocabulary vocabulary() {
        return Vocabulary.BUNDLED;
    }

    /** Fills model inputs from a chart in the clinic's {@code zone}, with the bundled vocabulary and derived inputs. */
    public static InputResolver resolver(java.time.ZoneId zone) {
        return new InputResolver(zone, derivedInputs(), vocabulary());
    }

    private record Vocabulary(DrugClasses medicines, ProblemCatalogue problems) implements ChartVocabulary {
        static final Vocabulary BUNDLED = new Vocabulary(DrugClasses.bundled(), ProblemCatalogue.bundled());

        @Override
        public java.util.Set<String> classesOf(String medicationText) {
            java.util.Set<String> out = new java.util.HashSet<>();
            medicines.findAll(medicationText).forEach(d -> out.addAll(d.classes()));
            return java.util.Set.copyOf(out);
        }

        @Override
        public java.util.Set<org.outpost.app.domain.ClinicalProblem> conceptsOf(
                org.outpost.app.domain.ConditionCode code) {
            return problems.conceptsOf(code);
        }
    }

    public static Map<String, ClinicalModel> derivedInputs() {
        return Map.of("egfr", new CkdEpi2021());
    }

    /**
     * The prescribing check with the bundled models and tables: pharmacogenomic rules (CPIC), DOAC label
     * doses, the IWPC warfarin dose, the renal dose table (with Cockcroft–Gault and CKD-EPI 2021, creatinine–cystatin C
     * when the chart has a recent cystatin C), and the warfarin label's genotype table on the dosing panel.
     */
    public static PrescribingCheck prescribingCheck(ZoneId zone) {
        return prescribingCheck(zone, ClinicalContent.bundled());
    }

    /** The prescribing check with the given tables (bundled, or updated from a data directory). */
    public static PrescribingCheck prescribingCheck(ZoneId zone, ClinicalContent content) {
        List<DrugModel> models = List.of(
                DrugModel.byDrugChoice(new PgxCpic(content.cpic()), names -> Map.of()),
                DrugModel.byDrugChoice(new DoacDose(), DoacDose::inputsFromMedications),
                new DrugModel(new WarfarinIwpcDose(), java.util.Set.of("warfarin"), WarfarinIwpcDose::inputsFromMedications));
        return new PrescribingCheck(models, content.renal(), new CockcroftGault(), new CkdEpi2021(),
                Optional.of(new CkdEpi2021CreatinineCystatin()), List.of(new WarfarinLabelDose()),
                resolver(zone), content.problems(),
                new org.outpost.app.prescribing.SafetyTables(content.doseLimits(), content.drugClasses(),
                        content.interactions()));
    }

    public static ModelRegistry registry() {
        return new ModelRegistry(all());
    }
}
