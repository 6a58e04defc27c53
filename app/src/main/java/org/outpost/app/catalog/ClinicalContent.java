package org.outpost.app.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.outpost.app.dosing.DoseLimits;
import org.outpost.app.dosing.RenalDoseRules;
import org.outpost.app.interactions.InteractionTable;
import org.outpost.app.medicines.DrugClasses;
import org.outpost.app.pgx.CpicTables;

/**
 * The clinical tables the prescribing check reads: the CPIC gene–drug tables, the renal dose table, the dose
 * limits, the medicines by class (duplicate therapy) and the drug–drug interactions. They ship inside Outpost
 * and can be updated as data, without a new release, by placing files in the data directory's
 * {@value #DIRECTORY} folder:
 * <ul>
 *   <li>{@value #CPIC}/ — a complete CPIC bundle (its {@code bundle.tsv} and every file it lists), which
 *       replaces the bundled tables as a whole;</li>
 *   <li>{@value #RENAL}, {@value #DOSE_LIMITS}, {@value #DRUG_CLASSES}, {@value #INTERACTIONS} — a table in the
 *       bundled file's format.</li>
 * </ul>
 * An update is checked as strictly as the bundled tables. One that fails is <em>not</em> used: the bundled
 * table stays in force and {@link #problems()} says which file and line was refused, so a pharmacist sees
 * it where the versions in force are shown. A half-applied or guessed table is never used.
 *
 * @param problems why an update in the folder was refused, one line each; empty when none was
 */
public record ClinicalContent(CpicTables cpic, RenalDoseRules renal, DoseLimits doseLimits, DrugClasses drugClasses,
                              InteractionTable interactions, List<String> problems) {
    public static final String DIRECTORY = "clinical-content";
    public static final String CPIC = "cpic";
    public static final String RENAL = "renal-dose-rules.tsv";
    public static final String DOSE_LIMITS = "dose-limits.tsv";
    public static final String DRUG_CLASSES = "drug-classes.tsv";
    public static final String INTERACTIONS = InteractionTable.FILE_NAME;

    public ClinicalContent {
        Objects.requireNonNull(cpic, "cpic");
        Objects.requireNonNull(renal, "renal");
        Objects.requireNonNull(doseLimits, "doseLimits");
        Objects.requireNonNull(drugClasses, "drugClasses");
        Objects.requireNonNull(interactions, "interactions");
        problems = List.copyOf(problems);
    }

    /** The tables that ship with this version of Outpost. */
    public static ClinicalContent bundled() {
        return new ClinicalContent(CpicTables.bundled(), RenalDoseRules.bundled(), DoseLimits.bundled(),
                DrugClasses.bundled(), InteractionTable.bundled(), List.of());
    }

    /** The tables in force for a data directory: its updates where valid, the bundled ones otherwise. */
    public static ClinicalContent forDataDirectory(Path dataDirectory) {
        Path dir = dataDirectory.resolve(DIRECTORY);
        List<String> problems = new ArrayList<>();
        CpicTables cpic = CpicTables.bundled();
        if (Files.isDirectory(dir.resolve(CPIC))) {
            try {
                cpic = CpicTables.load(dir.resolve(CPIC));
            } catch (RuntimeException e) {
                problems.add("CPIC update in " + dir.resolve(CPIC) + " refused, bundled " + cpic.version()
                        + " in force: " + e.getMessage());
            }
        }
        RenalDoseRules renal = update(dir.resolve(RENAL), "Renal dose table", RenalDoseRules::load,
                RenalDoseRules::bundled, RenalDoseRules::version, problems);
        DoseLimits limits = update(dir.resolve(DOSE_LIMITS), "Dose limit table", DoseLimits::load,
                DoseLimits::bundled, DoseLimits::version, problems);
        DrugClasses classes = update(dir.resolve(DRUG_CLASSES), "Medicines-by-class table", DrugClasses::load,
                DrugClasses::bundled, DrugClasses::version, problems);
        InteractionTable interactions = update(dir.resolve(INTERACTIONS), "Interaction table", InteractionTable::load,
                InteractionTable::bundled, InteractionTable::version, problems);
        return new ClinicalContent(cpic, renal, limits, classes, interactions, problems);
    }

    private interface Loader<T> {
        T load(Path file) throws IOException;
    }

    /** The table in {@code file} when there is one and it is valid; else the bundled one, noting a refusal. */
    private static <T> T update(Path file, String what, Loader<T> loader, Supplier<T> bundled,
                                java.util.function.Function<T, String> version, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            return bundled.get();
        }
        try {
            return loader.load(file);
        } catch (IOException | RuntimeException e) {
            T fallback = bundled.get();
            problems.add(what + " update " + file + " refused, bundled " + version.apply(fallback) + " in force: "
                    + e.getMessage());
            return fallback;
        }
    }
}
