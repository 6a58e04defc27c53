package org.outpost.app.pgx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.outpost.app.table.TableFile;

/**
 * The CPIC tables in force: a bundle of tab-separated files listed in {@code bundle.tsv}, loaded whole and
 * checked before use. Immutable and thread-safe; load once at start-up and share.
 *
 * <p>Each file opens with {@code # key: value} lines — {@code guideline}, {@code citation}, {@code pmid},
 * {@code doi}, {@code version} (the CPIC version or date, with any online update applied) and {@code table}
 * — then a row of column names and the data rows:
 * <ul>
 *   <li>{@code <gene>-alleles.tsv}: allele | function | activity value | also known as;</li>
 *   <li>{@code <gene>-phenotypes.tsv}: activity score (a value or range) | phenotype | examples, or allele 1
 *       function | allele 2 function | phenotype | examples — the examples are checked when loading;</li>
 *   <li>{@code allele-synonyms.tsv} (optional, at most one, listed after the gene tables it names and before
 *       the recommendations): gene | name as printed | cpic name | source — the names labs and PharmCAT
 *       print, see {@link AlleleSynonyms};</li>
 *   <li>{@code recommendations-<drug(s)>.tsv}: drug | one {@code <GENE> phenotype} or {@code <GENE> activity
 *       score} column per gene | implication | recommendation | strength | severity (see
 *       {@link RecommendationTable} for how rows match).</li>
 * </ul>
 * A file that breaks these rules — a malformed row, an unknown phenotype, a combination of results with no
 * row, an example that does not give its phenotype — makes loading fail with a {@link CpicTableException}
 * naming the file and line; nothing of that bundle is used.
 */
public final class CpicTables {
    /** The manifest every bundle has. */
    public static final String MANIFEST = "bundle.tsv";
    private static final String RESOURCE_DIR = "cpic/";

    private final String version;
    private final String origin;
    private final List<GuidelineVersion> versions;
    private final Map<String, GeneTable> genes;
    private final Map<String, RecommendationTable> byDrug;

    private CpicTables(String version, String origin, List<GuidelineVersion> versions, Map<String, GeneTable> genes,
                       Map<String, RecommendationTable> byDrug) {
        this.version = version;
        this.origin = origin;
        this.versions = List.copyOf(versions);
        this.genes = Collections.unmodifiableMap(new LinkedHashMap<>(genes));
        this.byDrug = Collections.unmodifiableMap(new LinkedHashMap<>(byDrug));
    }

    /**
     * The tables shipped with Outpost (class path {@code org/outpost/app/pgx/cpic/}), loaded and checked once:
     * they are immutable, so every caller shares them.
     */
    public static CpicTables bundled() {
        return Bundled.TABLES;
    }

    /** Loaded on first use. */
    private static final class Bundled {
        static final CpicTables TABLES = readBundled();
    }

    private static CpicTables readBundled() {
        return load("bundled", name -> {
            try (InputStream in = CpicTables.class.getResourceAsStream(RESOURCE_DIR + name)) {
                return in == null ? Optional.empty() : Optional.of(decode(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A complete bundle from a directory (an update): {@value #MANIFEST} and every file it lists. Replaces the
     * bundled tables as a whole; files are not mixed with the bundled ones.
     *
     * @throws CpicTableException when a file is missing or breaks the table rules
     */
    public static CpicTables load(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return load(dir.toString(), name -> {
            Path file = dir.resolve(name);
            if (!file.normalize().startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(decode(name, Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new CpicTableException(name, 0, "cannot be read: " + e.getMessage());
            }
        });
    }

    private static CpicTables load(String origin, Function<String, Optional<String>> reader) {
        Tsv manifest = Tsv.parse(MANIFEST, reader.apply(MANIFEST).orElseThrow(
                () -> new CpicTableException(MANIFEST, 0, "not found in " + origin)));
        manifest.expectColumns(List.of("table", "file"));
        String version = manifest.required("version");
        List<GuidelineVersion> versions = new ArrayList<>();
        Map<String, Tsv> pendingAlleles = new LinkedHashMap<>();
        Map<String, GeneTable> genes = new LinkedHashMap<>();
        Map<String, RecommendationTable> byDrug = new LinkedHashMap<>();
        boolean synonyms = false;
        for (TableFile.Row row : manifest.rows()) {
            String kind = row.cell(0).toLowerCase(Locale.ROOT);
            String name = row.cell(1);
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw manifest.error(row, "'" + name + "' is not a plain file name");
            }
            String text = reader.apply(name).orElseThrow(() -> manifest.error(row, name + " is not found in " + origin));
            Tsv file = Tsv.parse(name, text);
            switch (kind) {
                case "alleles" -> {
                    String gene = file.required("gene").toUpperCase(Locale.ROOT);
                    if (genes.containsKey(gene) || pendingAlleles.putIfAbsent(gene, file) != null) {
                        throw manifest.error(row, "a second allele table for " + gene);
                    }
                }
                case "phenotypes" -> {
                    String gene = file.required("gene").toUpperCase(Locale.ROOT);
                    Tsv alleles = pendingAlleles.remove(gene);
                    if (alleles == null) {
                        throw manifest.error(row, name + " is for " + gene
                                + ", whose allele table is not listed before it (or already has a phenotype table)");
                    }
                    GeneTable table = GeneTable.load(alleles, file);
                    genes.put(gene, table);
                    versions.add(table.alleleTable());
                    versions.add(table.phenotypeTable());
                }
                case "synonyms" -> {
                    if (!byDrug.isEmpty()) {
                        throw manifest.error(row, name + " must be listed before the recommendation tables"
                                + " (they read results with it)");
                    }
                    if (synonyms) {
                        throw manifest.error(row, "a second synonym table");
                    }
                    synonyms = true;
                    AlleleSynonyms.Loaded loaded = AlleleSynonyms.load(file, genes);
                    genes.putAll(loaded.genes());
                    versions.add(loaded.version());
                }
                case "recommendations" -> {
                    RecommendationTable table = RecommendationTable.load(file, genes);
                    for (String drug : table.drugs()) {
                        if (byDrug.putIfAbsent(drug, table) != null) {
                            throw manifest.error(row, drug + " already has recommendations in "
                                    + byDrug.get(drug).version().file());
                        }
                    }
                    versions.add(table.version());
                }
                default -> throw manifest.error(row, "table kind '" + row.cell(0)
                        + "' is not alleles, phenotypes, synonyms or recommendations");
            }
        }
        if (!pendingAlleles.isEmpty()) {
            throw new CpicTableException(MANIFEST, 0, "no phenotype table for " + String.join(", ", pendingAlleles.keySet()));
        }
        if (byDrug.isEmpty()) {
            throw new CpicTableException(MANIFEST, 0, "lists no recommendation table");
        }
        return new CpicTables(version, origin, versions, genes, byDrug);
    }

    private static String decode(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CpicTableException(name, 0, "is not UTF-8 text");
        }
    }

    /** The bundle's version ({@code # version:} of {@value #MANIFEST}); the {@code pgx-cpic} model's version. */
    public String version() {
        return version;
    }

    /** Where the tables were read from: "bundled" or the update directory. */
    public String origin() {
        return origin;
    }

    /** Every table in force with its guideline, citation and version, in bundle order. */
    public List<GuidelineVersion> versions() {
        return versions;
    }

    /** The recommendation tables only: one per guideline, with the gene(s) and drug(s) it covers. */
    public List<GuidelineVersion> guidelines() {
        return versions.stream().filter(v -> !v.drugs().isEmpty()).toList();
    }

    /** Genes with tables, upper case, in bundle order. */
    public List<String> genes() {
        return List.copyOf(genes.keySet());
    }

    public Optional<GeneTable> gene(String name) {
        return Optional.ofNullable(genes.get(name.strip().toUpperCase(Locale.ROOT)));
    }

    /** Drugs with recommendations, lower case, in bundle order. */
    public List<String> drugs() {
        return List.copyOf(byDrug.keySet());
    }

    Optional<RecommendationTable> recommendations(String drug) {
        return Optional.ofNullable(byDrug.get(drug));
    }

    @Override
    public String toString() {
        return "CpicTables[" + version + ", " + origin + "]";
    }
}
