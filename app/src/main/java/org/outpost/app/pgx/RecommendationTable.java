package org.outpost.app.pgx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.outpost.app.model.Severity;
import org.outpost.app.table.TableFile;

/**
 * A CPIC recommendation file: for each drug it names, which row applies to which combination of gene
 * results. Rows are read top to bottom and the first that fits applies; a cell holds one or more values
 * separated by {@code ;}, {@code any} (every result, tested or not) or {@code not tested}. A gene column is
 * {@code <GENE> phenotype} (a phenotype of that gene's table) or {@code <GENE> activity score} (a score the
 * gene's alleles can give).
 *
 * <p>A file may give advice by indication (CPIC clopidogrel 2022: ACS/PCI, other cardiovascular, neurovascular):
 * then a header {@code # indications: key = label; key = label} names them and an {@code indication} column
 * follows {@code drug}, each cell one or more keys or {@code any}. Every indication must then be covered.
 *
 * <p>Checked when loaded, so that a table in force has no hole: every combination of fully tested results
 * has a row, every row is reachable, and every phenotype or score named exists. Combinations are then
 * indexed, so advice is one map look-up.
 */
final class RecommendationTable {
    static final String ANY = "any";
    static final String NOT_TESTED = "not tested";

    private final GuidelineVersion version;
    private final List<String> drugs;
    private final List<GeneTable> genes;
    private final List<Boolean> byScore;
    private final Map<String, Map<List<String>, CpicRecommendation>> index;
    private final List<Indication> indications;

    private RecommendationTable(GuidelineVersion version, List<String> drugs, List<GeneTable> genes, List<Boolean> byScore,
                                Map<String, Map<List<String>, CpicRecommendation>> index, List<Indication> indications) {
        this.version = version;
        this.drugs = List.copyOf(drugs);
        this.genes = List.copyOf(genes);
        this.byScore = List.copyOf(byScore);
        this.index = Map.copyOf(index);
        this.indications = List.copyOf(indications);
    }

    private record Row(TableFile.Row source, Set<String> drugs, Set<String> indications, List<Set<String>> cells,
                       CpicRecommendation recommendation) {
        boolean fits(String drug, String indication, List<String> key) {
            if (!drugs.contains(drug)) {
                return false;
            }
            if (!indications.contains(ANY) && !indications.contains(indication)) {
                return false;
            }
            for (int g = 0; g < key.size(); g++) {
                Set<String> cell = cells.get(g);
                if (!cell.contains(ANY) && !cell.contains(key.get(g))) {
                    return false;
                }
            }
            return true;
        }
    }

    static RecommendationTable load(Tsv file, Map<String, GeneTable> knownGenes) {
        List<Indication> indications = indications(file);
        boolean byIndication = !indications.isEmpty();
        int first = byIndication ? 2 : 1;
        List<String> columns = file.columns();
        int n = columns.size();
        if (byIndication && (n < 2 || !columns.get(1).equalsIgnoreCase("indication"))) {
            throw new CpicTableException(file.file(), file.columnLine(),
                    "the header names indications, so the second column must be 'indication'");
        }
        if (!byIndication && n > 1 && columns.get(1).equalsIgnoreCase("indication")) {
            throw new CpicTableException(file.file(), file.columnLine(),
                    "an 'indication' column needs a header line '# indications: key = label; ...'");
        }
        if (n < 5 + first || !columns.getFirst().equalsIgnoreCase("drug")
                || !lowerEquals(columns.subList(n - 4, n), List.of("implication", "recommendation", "strength", "severity"))) {
            throw new CpicTableException(file.file(), file.columnLine(), "expected the columns drug | <GENE> phenotype"
                    + " (or <GENE> activity score), one per gene | implication | recommendation | strength | severity");
        }
        List<GeneTable> genes = new ArrayList<>();
        List<Boolean> byScore = new ArrayList<>();
        for (String column : columns.subList(first, n - 4)) {
            String lower = column.toLowerCase(Locale.ROOT);
            boolean score = lower.endsWith(" activity score");
            if (!score && !lower.endsWith(" phenotype")) {
                throw new CpicTableException(file.file(), file.columnLine(), "column '" + column
                        + "' is not '<GENE> phenotype' or '<GENE> activity score'");
            }
            String gene = column.substring(0, column.lastIndexOf(score ? " activity score" : " phenotype"))
                    .strip().toUpperCase(Locale.ROOT);
            GeneTable table = knownGenes.get(gene);
            if (table == null) {
                throw new CpicTableException(file.file(), file.columnLine(), "gene " + gene
                        + " has no allele and phenotype tables in the bundle (listed before this file)");
            }
            if (score && (!table.usesActivityScore() || table.allowsDuplications())) {
                throw new CpicTableException(file.file(), file.columnLine(), "recommendations by " + gene
                        + " activity score need an activity-score gene without duplications; use '" + gene + " phenotype'");
            }
            if (genes.contains(table)) {
                throw new CpicTableException(file.file(), file.columnLine(), "gene " + gene + " has two columns");
            }
            genes.add(table);
            byScore.add(score);
        }
        List<String> drugs = new ArrayList<>();
        for (String d : file.required("drugs").split(";")) {
            if (!d.isBlank()) {
                drugs.add(d.strip().toLowerCase(Locale.ROOT));
            }
        }
        GuidelineVersion version = GuidelineVersion.of(file, genes.stream().map(GeneTable::gene).toList(), drugs);

        List<List<String>> values = new ArrayList<>();
        for (int g = 0; g < genes.size(); g++) {
            List<String> v = new ArrayList<>();
            if (byScore.get(g)) {
                v.addAll(genes.get(g).possibleScores());
            } else {
                genes.get(g).phenotypes().forEach(p -> v.add(p.toLowerCase(Locale.ROOT)));
            }
            v.add(NOT_TESTED);
            values.add(v);
        }

        List<Row> rows = new ArrayList<>();
        for (TableFile.Row source : file.rows()) {
            Set<String> rowDrugs = new LinkedHashSet<>();
            for (String d : source.cell(0).split(";")) {
                String drug = d.strip().toLowerCase(Locale.ROOT);
                if (drug.isEmpty()) {
                    continue;
                }
                if (!drugs.contains(drug)) {
                    throw file.error(source, "drug '" + drug + "' is not in the header '# drugs: "
                            + String.join("; ", drugs) + "'");
                }
                rowDrugs.add(drug);
            }
            if (rowDrugs.isEmpty()) {
                throw file.error(source, "the drug is empty");
            }
            Set<String> rowIndications = byIndication ? indicationCell(file, source, indications) : Set.of(ANY);
            List<Set<String>> cells = new ArrayList<>();
            for (int g = 0; g < genes.size(); g++) {
                cells.add(cell(file, source, source.cell(g + first), genes.get(g), byScore.get(g), values.get(g)));
            }
            String recommendation = source.cell(n - 3);
            if (recommendation.isEmpty()) {
                throw file.error(source, "the recommendation is empty");
            }
            Severity severity;
            try {
                severity = Severity.valueOf(source.cell(n - 1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw file.error(source, "severity '" + source.cell(n - 1) + "' is not LOW, MODERATE or HIGH");
            }
            rows.add(new Row(source, rowDrugs, rowIndications, cells, new CpicRecommendation(source.cell(n - 4), recommendation,
                    source.cell(n - 2), severity, version, source.line())));
        }

        Map<String, Map<List<String>, CpicRecommendation>> index = new HashMap<>();
        Set<Row> used = new HashSet<>();
        List<String> indicationKeys = byIndication ? indications.stream().map(Indication::key).toList() : List.of(ANY);
        for (String drug : drugs) {
            Map<List<String>, CpicRecommendation> byKey = new HashMap<>();
            for (String indication : indicationKeys) {
                for (List<String> key : combinations(values)) {
                    if (key.stream().allMatch(NOT_TESTED::equals)) {
                        continue;
                    }
                    Optional<Row> row = rows.stream().filter(r -> r.fits(drug, indication, key)).findFirst();
                    if (row.isPresent()) {
                        used.add(row.get());
                        byKey.put(indexKey(indication, key), row.get().recommendation());
                    } else if (!key.contains(NOT_TESTED)) {
                        throw new CpicTableException(file.file(), 0, "no row for " + drug
                                + (byIndication ? " (" + indication + ")" : "") + " with " + describe(genes, byScore, key));
                    }
                }
            }
            index.put(drug, Collections.unmodifiableMap(byKey));
        }
        for (Row row : rows) {
            if (!used.contains(row)) {
                throw file.error(row.source(), "this row never applies: earlier rows already cover every result it names");
            }
        }
        return new RecommendationTable(version, drugs, genes, byScore, index, indications);
    }

    /** The indications the header names ({@code # indications: acs-pci = ACS and/or PCI; ...}), or none. */
    private static List<Indication> indications(Tsv file) {
        String header = file.optional("indications");
        List<Indication> out = new ArrayList<>();
        if (header.isBlank()) {
            return out;
        }
        for (String part : header.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? "" : part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String label = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (!key.matches("[a-z][a-z0-9-]*") || key.equals(ANY) || label.isEmpty()) {
                throw new CpicTableException(file.file(), 0, "indication '" + part.strip()
                        + "' is not 'key = label' (key: lower-case letters, digits and '-')");
            }
            if (out.stream().anyMatch(i -> i.key().equals(key))) {
                throw new CpicTableException(file.file(), 0, "indication '" + key + "' is named twice");
            }
            out.add(new Indication(key, label));
        }
        return out;
    }

    private static Set<String> indicationCell(Tsv file, TableFile.Row row, List<Indication> indications) {
        Set<String> values = new LinkedHashSet<>();
        for (String part : row.cell(1).split(";")) {
            String v = part.strip().toLowerCase(Locale.ROOT);
            if (v.isEmpty()) {
                continue;
            }
            if (!v.equals(ANY) && indications.stream().noneMatch(i -> i.key().equals(v))) {
                throw file.error(row, "indication '" + part.strip() + "' is not one of the header's: "
                        + String.join(", ", indications.stream().map(Indication::key).toList()));
            }
            values.add(v);
        }
        if (values.isEmpty()) {
            throw file.error(row, "the indication cell is empty (write an indication key or 'any')");
        }
        return Set.copyOf(values);
    }

    private static List<String> indexKey(String indication, List<String> key) {
        List<String> k = new ArrayList<>(key.size() + 1);
        k.add(indication);
        k.addAll(key);
        return List.copyOf(k);
    }

    private static Set<String> cell(Tsv file, TableFile.Row row, String text, GeneTable gene, boolean byScore,
                                    List<String> possible) {
        Set<String> values = new LinkedHashSet<>();
        for (String part : text.split(";")) {
            String v = part.strip().toLowerCase(Locale.ROOT);
            if (v.isEmpty()) {
                continue;
            }
            if (v.equals(ANY) || v.equals(NOT_TESTED)) {
                values.add(v);
            } else if (byScore) {
                String score;
                try {
                    score = GeneTable.score(Double.parseDouble(v));
                } catch (NumberFormatException e) {
                    throw file.error(row, "'" + part.strip() + "' is not a " + gene.gene() + " activity score");
                }
                if (!possible.contains(score)) {
                    throw file.error(row, gene.gene() + " activity score " + score + " cannot occur with the alleles of "
                            + gene.alleleTable().file());
                }
                values.add(score);
            } else {
                if (gene.phenotype(v).isEmpty()) {
                    throw file.error(row, "unknown " + gene.gene() + " phenotype '" + part.strip() + "' (not in "
                            + gene.phenotypeTable().file() + ": " + String.join(", ", gene.phenotypes()) + ")");
                }
                values.add(v);
            }
        }
        if (values.isEmpty()) {
            throw file.error(row, "the " + gene.gene() + " cell is empty (write a phenotype, 'any' or 'not tested')");
        }
        return Set.copyOf(values);
    }

    private static List<List<String>> combinations(List<List<String>> values) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (List<String> options : values) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String v : options) {
                    List<String> k = new ArrayList<>(prefix);
                    k.add(v);
                    next.add(List.copyOf(k));
                }
            }
            out = next;
        }
        return out;
    }

    private static String describe(List<GeneTable> genes, List<Boolean> byScore, List<String> key) {
        List<String> parts = new ArrayList<>();
        for (int g = 0; g < key.size(); g++) {
            GeneTable gene = genes.get(g);
            parts.add(byScore.get(g) ? gene.gene() + " activity score " + key.get(g)
                    : gene.phenotype(key.get(g)).orElse(gene.gene() + " " + key.get(g)));
        }
        return String.join(" and ", parts);
    }

    private static boolean lowerEquals(List<String> a, List<String> b) {
        return a.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList().equals(b);
    }

    /** The row for a drug and one key value per gene (phenotype lower case, score, or {@value #NOT_TESTED}). */
    Optional<CpicRecommendation> find(String drug, List<String> key) {
        return find(drug, ANY, key);
    }

    /**
     * The row for a drug, an indication key (ignored by a table without indications) and one key value per
     * gene.
     */
    Optional<CpicRecommendation> find(String drug, String indication, List<String> key) {
        Map<List<String>, CpicRecommendation> byKey = index.get(drug);
        String which = indications.isEmpty() ? ANY : indication;
        return byKey == null ? Optional.empty() : Optional.ofNullable(byKey.get(indexKey(which, key)));
    }

    /** The indications the advice depends on, in file order; empty when it does not depend on one. */
    List<Indication> indications() {
        return indications;
    }

    GuidelineVersion version() {
        return version;
    }

    List<String> drugs() {
        return drugs;
    }

    List<GeneTable> genes() {
        return genes;
    }

    boolean byScore(int gene) {
        return byScore.get(gene);
    }
}
