package org.outpost.app.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.outpost.app.dosing.RenalDoseRules;
import org.outpost.app.pgx.CpicTables;

/**
 * The clinical tables the prescribing check reads: the CPIC gene–drug tables and the renal dose table. They
 * ship inside Outpost and can be updated as data, without a new release, by placing files in the data
 * directory's {@value #DIRECTORY} folder:
 * <ul>
 *   <li>{@value #CPIC}/ — a complete CPIC bundle (its {@code bundle.tsv} and every file it lists), which
 *       replaces the bundled tables as a whole;</li>
 *   <li>{@value #RENAL} — a renal dose table in the bundled file's format.</li>
 * </ul>
 * An update is checked as strictly as the bundled tables. One that fails is <em>not</em> used: the bundled
 * table stays in force and {@link #problems()} says which file and line was refused, so a pharmacist sees
 * it where the versions in force are shown. A half-applied or guessed table is never used.
 *
 * @param problems why an update in the folder was refused, one line each; empty when none was
 */
public record ClinicalContent(CpicTables cpic, RenalDoseRules renal, List<String> problems) {
    public static final String DIRECTORY = "clinical-content";
    public static final String CPIC = "cpic";
    public static final String RENAL = "renal-dose-rules.tsv";

    public ClinicalContent {
        Objects.requireNonNull(cpic, "cpic");
        Objects.requireNonNull(renal, "renal");
        problems = List.copyOf(problems);
    }

    /** The tables that ship with this version of Outpost. */
    public static ClinicalContent bundled() {
        return new ClinicalContent(CpicTables.bundled(), RenalDoseRules.bundled(), List.of());
    }

    /** The tables in force for a data directory: its updates where valid, the bundled ones otherwise. */
    public static ClinicalContent forDataDirectory(Path dataDirectory) {
        Path dir = dataDirectory.resolve(DIRECTORY);
        List<String> problems = new ArrayList<>();
        CpicTables cpic = CpicTables.bundled();
        RenalDoseRules renal = RenalDoseRules.bundled();
        if (Files.isDirectory(dir.resolve(CPIC))) {
            try {
                cpic = CpicTables.load(dir.resolve(CPIC));
            } catch (RuntimeException e) {
                problems.add("CPIC update in " + dir.resolve(CPIC) + " refused, bundled " + cpic.version()
                        + " in force: " + e.getMessage());
            }
        }
        if (Files.isRegularFile(dir.resolve(RENAL))) {
            try {
                renal = RenalDoseRules.load(dir.resolve(RENAL));
            } catch (IOException | RuntimeException e) {
                problems.add("Renal dose table update " + dir.resolve(RENAL) + " refused, bundled " + renal.version()
                        + " in force: " + e.getMessage());
            }
        }
        return new ClinicalContent(cpic, renal, problems);
    }
}
