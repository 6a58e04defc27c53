package org.outpost.app.catalog;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.outpost.app.content.BundleInstaller;
import org.outpost.app.content.ContentManifest;
import org.outpost.app.content.ContentRefusedException;
import org.outpost.app.content.SignedBundle;
import org.outpost.app.content.TrustedKeys;
import org.outpost.app.content.VerifiedBundle;
import org.outpost.app.dosing.DoseLimits;
import org.outpost.app.ml.CoronaryDiseaseLearnedModel;
import org.outpost.app.ml.LearnedModels;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.dosing.RenalDoseRules;
import org.outpost.app.interactions.InteractionTable;
import org.outpost.app.medicines.DrugClasses;
import org.outpost.app.pgx.CpicTables;

/**
 * The clinical tables the prescribing check reads: the CPIC gene–drug tables, the renal dose table, the dose
 * limits, the medicines by class (duplicate therapy) and the drug–drug interactions. They ship inside Outpost
 * and can be updated as data, without a new release, by <b>signed bundles</b> installed in the data directory's
 * {@value #DIRECTORY} folder, one sub-folder per bundle named by its bundle id
 * ({@code clinical-content/<bundle id>/}, see {@link #install}). A bundle holds, besides its
 * {@value ContentManifest#FILE_NAME} and signature (see {@link SignedBundle}), any of:
 * <ul>
 *   <li>{@value #CPIC}/ — a complete CPIC bundle (its {@code bundle.tsv} and every file it lists), which
 *       replaces the bundled tables as a whole;</li>
 *   <li>{@value #RENAL}, {@value #DOSE_LIMITS}, {@value #DRUG_CLASSES}, {@value #INTERACTIONS} at its root — a
 *       table in the bundled file's format;</li>
 *   <li>{@value #MODELS}/ — model files, which the model loader reads (this class leaves them alone).</li>
 * </ul>
 * A bundle is used only when its signature verifies with a key Outpost ships and every file matches its
 * manifest, and then only when every table in it passes the same strict checks as the bundled tables. One that
 * fails is refused <em>whole</em>: the bundled tables stay in force and {@link #problems()} names the folder, the
 * file and the reason, so a pharmacist sees it where the versions in force are shown. Unsigned files (the
 * layout before bundles were signed) are refused as "not signed". Two bundles that hold the same table are both
 * refused (which one is meant cannot be guessed). A half-applied or guessed table is never used.
 *
 * @param updates  the bundles whose tables are in force, with the tables each gives
 * @param problems why an update in the folder was refused, one line each; empty when none was
 */
public record ClinicalContent(CpicTables cpic, RenalDoseRules renal, DoseLimits doseLimits, DrugClasses drugClasses,
                              InteractionTable interactions, Optional<CoronaryDiseaseLearnedModel> coronaryUpdate,
                              List<ContentUpdate> updates, List<String> problems) {
    public static final String DIRECTORY = "clinical-content";
    public static final String CPIC = "cpic";
    public static final String RENAL = "renal-dose-rules.tsv";
    public static final String DOSE_LIMITS = "dose-limits.tsv";
    public static final String DRUG_CLASSES = "drug-classes.tsv";
    public static final String INTERACTIONS = InteractionTable.FILE_NAME;
    /** The folder of a bundle that holds model files, for the model loader. */
    public static final String MODELS = "models";
    /** The folder under {@value #MODELS}/ of the learned coronary disease model's files. */
    public static final String CORONARY_MODEL_ID = "cad-cleveland-learned";
    private static final String NOT_SIGNED = "not signed (updates are signed bundles: install one with "
            + "'outpost admin content install')";

    /**
     * A signed bundle in force and what it gives.
     *
     * @param tables the tables taken from it, as {@link Table#label()} names them
     */
    public record ContentUpdate(VerifiedBundle bundle, List<String> tables) {
        public ContentUpdate {
            Objects.requireNonNull(bundle, "bundle");
            tables = List.copyOf(tables);
        }
    }

    /** The tables an update can replace, by where they sit in a bundle. */
    public enum Table {
        CPIC_TABLES("CPIC tables", ClinicalContent.CPIC + "/"),
        RENAL_DOSE("Renal dose table", RENAL),
        DOSE_LIMIT("Dose limit table", DOSE_LIMITS),
        DRUG_CLASS("Medicines-by-class table", DRUG_CLASSES),
        INTERACTION("Interaction table", INTERACTIONS),
        /** The learned coronary disease model's four files (see {@link CoronaryDiseaseLearnedModel#load}). */
        CORONARY_MODEL("Coronary disease learned model", MODELS + "/" + CORONARY_MODEL_ID + "/");

        private final String label;
        private final String path;

        Table(String label, String path) {
            this.label = label;
            this.path = path;
        }

        public String label() {
            return label;
        }

        /** The file's path in a bundle ({@code cpic/} for the CPIC folder). */
        public String path() {
            return path;
        }
    }

    public ClinicalContent {
        Objects.requireNonNull(cpic, "cpic");
        Objects.requireNonNull(renal, "renal");
        Objects.requireNonNull(doseLimits, "doseLimits");
        Objects.requireNonNull(drugClasses, "drugClasses");
        Objects.requireNonNull(interactions, "interactions");
        Objects.requireNonNull(coronaryUpdate, "coronaryUpdate");
        updates = List.copyOf(updates);
        problems = List.copyOf(problems);
    }

    /** The tables that ship with this version of Outpost. */
    public static ClinicalContent bundled() {
        return new ClinicalContent(CpicTables.bundled(), RenalDoseRules.bundled(), DoseLimits.bundled(),
                DrugClasses.bundled(), InteractionTable.bundled(), Optional.empty(), List.of(), List.of());
    }

    /** The tables in force for a data directory, trusting the keys this Outpost ships. */
    public static ClinicalContent forDataDirectory(Path dataDirectory) {
        return forDataDirectory(dataDirectory, TrustedKeys.shipped());
    }

    /** The tables in force for a data directory: its valid signed updates, the bundled tables otherwise. */
    public static ClinicalContent forDataDirectory(Path dataDirectory, TrustedKeys keys) {
        Path dir = dataDirectory.resolve(DIRECTORY);
        List<String> problems = new ArrayList<>();
        List<Loaded> candidates = new ArrayList<>();
        for (Path entry : entries(dir, problems)) {
            if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(entry)) {
                problems.add(looseFile(entry));
                continue;
            }
            try {
                VerifiedBundle bundle = SignedBundle.verify(entry, keys);
                String folder = Objects.requireNonNull(entry.getFileName(), "a folder entry has a name").toString();
                if (!bundle.bundleId().equals(folder)) {
                    throw new ContentRefusedException("holds bundle '" + bundle.bundleId() + "' but sits in folder '"
                            + folder + "' (install bundles with 'outpost admin content install')");
                }
                candidates.add(load(bundle));
            } catch (ContentRefusedException e) {
                problems.add(refusal(entry, e));
            }
        }
        Map<Table, List<Loaded>> providers = new EnumMap<>(Table.class);
        candidates.forEach(c -> c.tables().keySet().forEach(t -> providers.computeIfAbsent(t, k -> new ArrayList<>())
                .add(c)));
        List<Loaded> inForce = new ArrayList<>(candidates);
        providers.forEach((table, from) -> {
            if (from.size() > 1) {
                problems.add(table.label() + " is in more than one update ("
                        + String.join(", ", from.stream().map(l -> l.bundle().bundleId()).toList())
                        + "): those updates are refused whole, bundled " + bundledVersion(table) + " in force; "
                        + "keep one (put the table in one bundle)");
                inForce.removeAll(from);
            }
        });
        CpicTables cpic = pick(inForce, Table.CPIC_TABLES, CpicTables::bundled);
        RenalDoseRules renal = pick(inForce, Table.RENAL_DOSE, RenalDoseRules::bundled);
        DoseLimits limits = pick(inForce, Table.DOSE_LIMIT, DoseLimits::bundled);
        DrugClasses classes = pick(inForce, Table.DRUG_CLASS, DrugClasses::bundled);
        InteractionTable interactions = pick(inForce, Table.INTERACTION, InteractionTable::bundled);
        List<ContentUpdate> updates = inForce.stream().filter(l -> !l.tables().isEmpty())
                .map(l -> new ContentUpdate(l.bundle(), l.tables().keySet().stream().map(Table::label).toList()))
                .toList();
        Optional<CoronaryDiseaseLearnedModel> coronary = inForce.stream()
                .filter(l -> l.tables().containsKey(Table.CORONARY_MODEL)).findFirst()
                .map(l -> (CoronaryDiseaseLearnedModel) l.tables().get(Table.CORONARY_MODEL));
        return new ClinicalContent(cpic, renal, limits, classes, interactions, coronary, updates, problems);
    }

    /**
     * The learned models in force: a valid signed update's, the bundled ones otherwise (loaded on first use, not
     * when the tables are: the login screen does not wait for them).
     */
    public List<ClinicalModel> learnedModels() {
        return List.of(coronaryUpdate.<ClinicalModel>map(m -> m).orElseGet(LearnedModels::coronaryDiseaseDeferred));
    }

    /**
     * Installs the signed bundle in {@code source} (a USB folder, say) as {@code clinical-content/<bundle id>/} of
     * the data directory, replacing an earlier version of it atomically: it is verified, its tables checked, and
     * refused when another installed bundle already gives one of its tables. If anything fails, what was
     * installed stays in force.
     *
     * @throws ContentRefusedException naming the file and the reason
     */
    public static BundleInstaller.Installed install(Path source, Path dataDirectory, TrustedKeys keys)
            throws ContentRefusedException {
        Path dir = dataDirectory.resolve(DIRECTORY);
        BundleInstaller installer = new BundleInstaller(keys, bundle -> {
            Loaded incoming = load(bundle);
            for (Path entry : entries(dir, new ArrayList<>())) {
                String folder = Objects.requireNonNull(entry.getFileName(), "a folder entry has a name").toString();
                if (folder.equals(bundle.bundleId()) || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Loaded installed;
                try {
                    installed = load(SignedBundle.verify(entry, keys));
                } catch (ContentRefusedException e) {
                    continue; // not in force, so no conflict
                }
                for (Table t : incoming.tables().keySet()) {
                    if (installed.tables().containsKey(t)) {
                        throw new ContentRefusedException(t.path(), "the installed bundle '" + folder + "' already "
                                + "gives the " + t.label().toLowerCase(java.util.Locale.ROOT) + ": install a new "
                                + "version of '" + folder + "' instead, or remove that folder first");
                    }
                }
            }
        });
        return installer.install(source, dir);
    }

    /**
     * The tables a verified bundle gives, each loaded and checked as at start-up ({@code outpost admin content
     * verify} runs this after the signature check).
     *
     * @return the tables' labels, e.g. "Renal dose table"; empty for a bundle of model files only
     * @throws ContentRefusedException when a table fails its checks or a file is neither a table nor a model
     */
    public static List<String> check(VerifiedBundle bundle) throws ContentRefusedException {
        return load(bundle).tables().keySet().stream().map(Table::label).toList();
    }

    /** A verified bundle with the tables it gives, loaded and checked. */
    private record Loaded(VerifiedBundle bundle, Map<Table, Object> tables) {
    }

    /**
     * Loads every table a verified bundle holds, refusing the bundle when one fails its checks or when it holds a
     * file that is neither a table nor a model.
     */
    static Loaded load(VerifiedBundle bundle) throws ContentRefusedException {
        for (ContentManifest.ContentFile f : bundle.manifest().files()) {
            String p = f.path();
            boolean known = p.startsWith(CPIC + "/") || p.startsWith(MODELS + "/") || p.equals(RENAL)
                    || p.equals(DOSE_LIMITS) || p.equals(DRUG_CLASSES) || p.equals(INTERACTIONS);
            if (!known) {
                throw new ContentRefusedException(p, "is not content Outpost knows (a bundle holds " + CPIC + "/, "
                        + RENAL + ", " + DOSE_LIMITS + ", " + DRUG_CLASSES + ", " + INTERACTIONS + " or " + MODELS
                        + "/)");
            }
        }
        Map<Table, Object> tables = new LinkedHashMap<>();
        boolean hasCpic = bundle.manifest().files().stream().anyMatch(f -> f.path().startsWith(CPIC + "/"));
        if (hasCpic) {
            try {
                tables.put(Table.CPIC_TABLES, CpicTables.load(bundle.resolve(CPIC)));
            } catch (RuntimeException e) {
                throw new ContentRefusedException(CPIC + "/", "the CPIC tables fail their checks: " + e.getMessage());
            }
        }
        loadTable(bundle, Table.RENAL_DOSE, RenalDoseRules::load, tables);
        loadTable(bundle, Table.DOSE_LIMIT, DoseLimits::load, tables);
        loadTable(bundle, Table.DRUG_CLASS, DrugClasses::load, tables);
        loadTable(bundle, Table.INTERACTION, InteractionTable::load, tables);
        String modelFolder = Table.CORONARY_MODEL.path();
        if (bundle.manifest().files().stream().anyMatch(f -> f.path().startsWith(modelFolder))) {
            try {
                CoronaryDiseaseLearnedModel model = CoronaryDiseaseLearnedModel.load(name -> {
                    Path file = bundle.resolve(modelFolder + name);
                    try {
                        return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                tables.put(Table.CORONARY_MODEL, model.asUpdate(bundle.version(), "update " + bundle.bundleId() + " "
                        + bundle.version() + ", signed by " + bundle.manifest().signer()));
            } catch (RuntimeException e) {
                throw new ContentRefusedException(modelFolder, "the learned model cannot be loaded: "
                        + e.getMessage());
            }
        }
        return new Loaded(bundle, tables);
    }

    private interface Loader<T> {
        T load(Path file) throws IOException;
    }

    private static <T> void loadTable(VerifiedBundle bundle, Table table, Loader<T> loader, Map<Table, Object> into)
            throws ContentRefusedException {
        if (bundle.manifest().file(table.path()).isEmpty()) {
            return;
        }
        try {
            into.put(table, loader.load(bundle.resolve(table.path())));
        } catch (IOException | RuntimeException e) {
            throw new ContentRefusedException(table.path(), table.label().toLowerCase(java.util.Locale.ROOT)
                    + " fails its checks: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T pick(List<Loaded> inForce, Table table, Supplier<T> bundled) {
        return inForce.stream().filter(l -> l.tables().containsKey(table)).findFirst()
                .map(l -> (T) l.tables().get(table)).orElseGet(bundled);
    }

    /** The folders and files in the content folder, by name; hidden ones (an install under way) are skipped. */
    private static List<Path> entries(Path dir, List<String> problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Map<String, Path> byName = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String name = Objects.requireNonNull(p.getFileName(), "a folder entry has a name").toString();
                if (!name.startsWith(".")) {
                    byName.put(name, p);
                }
            }
        } catch (IOException e) {
            problems.add("The updates folder " + dir + " cannot be read, bundled tables in force: " + e.getMessage());
        }
        return List.copyOf(byName.values());
    }

    private static String looseFile(Path file) {
        String name = Objects.requireNonNull(file.getFileName(), "a content file has a name").toString();
        for (Table t : Table.values()) {
            if (t.path().equals(name) || t.path().equals(name + "/")) {
                return t.label() + " update " + file + " refused, bundled " + bundledVersion(t) + " in force: "
                        + NOT_SIGNED;
            }
        }
        return "Update " + file + " refused: " + NOT_SIGNED;
    }

    private static String refusal(Path folder, ContentRefusedException e) {
        Optional<Table> table = e.file().flatMap(f -> java.util.Arrays.stream(Table.values())
                .filter(t -> t.path().equals(f) || t.path().endsWith("/") && f.startsWith(t.path())).findFirst());
        if (table.isPresent()) {
            Table t = table.get();
            return t.label() + " update in " + folder + " refused whole, bundled " + bundledVersion(t)
                    + " in force: " + e.getMessage();
        }
        return "Update " + folder + " refused whole, the bundled tables stay in force: " + e.getMessage();
    }

    private static String bundledVersion(Table table) {
        Function<Table, String> version = t -> switch (t) {
            case CPIC_TABLES -> CpicTables.bundled().version();
            case RENAL_DOSE -> RenalDoseRules.bundled().version();
            case DOSE_LIMIT -> DoseLimits.bundled().version();
            case DRUG_CLASS -> DrugClasses.bundled().version();
            case INTERACTION -> InteractionTable.bundled().version();
            case CORONARY_MODEL -> LearnedModels.coronaryDisease().ref().version();
        };
        return version.apply(table);
    }
}
