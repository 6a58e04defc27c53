package org.outpost.app.pgx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.outpost.app.table.TableFile;

/**
 * Loads {@code allele-synonyms.tsv} — gene | name as printed | cpic name | source — and gives each gene table
 * its synonyms. Every row is checked: the gene has tables listed before the file, the CPIC name is an allele of
 * that gene's table (or, with a {@code /}, a result the tables read to a phenotype), the printed name is new
 * (not a name, alias or earlier synonym, and not a result the tables already read), and the source is given.
 * The first failure stops loading with the file and line.
 */
final class AlleleSynonyms {
    static final List<String> COLUMNS = List.of("gene", "name as printed", "cpic name", "source");

    private AlleleSynonyms() {
    }

    /** The gene tables with their synonyms, and the synonym table's version. */
    record Loaded(Map<String, GeneTable> genes, GuidelineVersion version) {
    }

    private record Entry(TableFile.Row row, AlleleSynonym synonym) {
    }

    static Loaded load(Tsv file, Map<String, GeneTable> known) {
        file.expectColumns(COLUMNS);
        Map<String, List<Entry>> byGene = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (TableFile.Row row : file.rows()) {
            String gene = row.cell(0).toUpperCase(Locale.ROOT);
            String printed = row.cell(1);
            String name = row.cell(2);
            String source = row.cell(3);
            if (!known.containsKey(gene)) {
                throw file.error(row, gene.isEmpty() ? "the gene is empty"
                        : "gene " + gene + " has no allele table listed before " + file.file() + " in " + CpicTables.MANIFEST);
            }
            if (printed.isEmpty()) {
                throw file.error(row, "the name as printed is empty");
            }
            if (name.isEmpty()) {
                throw file.error(row, "the cpic name of '" + printed + "' is empty");
            }
            if (source.isEmpty()) {
                throw file.error(row, "the source of '" + printed + "' is empty (name the allele definition table or"
                        + " report it comes from)");
            }
            Integer earlier = seen.putIfAbsent(gene + "\t" + GeneTable.spelling(printed), row.line());
            if (earlier != null) {
                throw file.error(row, "'" + printed + "' is already given on line " + earlier);
            }
            byGene.computeIfAbsent(gene, g -> new ArrayList<>()).add(new Entry(row, new AlleleSynonym(gene, printed, name, source)));
        }

        Map<String, GeneTable> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Entry>> e : byGene.entrySet()) {
            GeneTable table = known.get(e.getKey());
            List<AlleleSynonym> alleles = new ArrayList<>();
            for (Entry entry : e.getValue()) {
                AlleleSynonym s = entry.synonym();
                if (s.wholeResult()) {
                    continue;
                }
                if (s.printed().contains("/")) {
                    throw file.error(entry.row(), "an allele name as printed cannot contain '/': " + s.printed()
                            + " (for a whole result, write the cpic name as two alleles, e.g. *1/*2)");
                }
                if (table.allele(s.name()).isEmpty()) {
                    throw file.error(entry.row(), "'" + s.name() + "' is not an allele of the " + table.gene() + " table "
                            + table.alleleTable().file());
                }
                Optional<AlleleFunction> taken = table.allele(s.printed());
                if (taken.isPresent()) {
                    throw file.error(entry.row(), "'" + s.printed() + "' already names " + taken.get().allele() + " in "
                            + table.alleleTable().file());
                }
                alleles.add(s);
            }
            GeneTable withAlleles = table.withSynonyms(alleles);
            List<AlleleSynonym> all = new ArrayList<>(alleles);
            for (Entry entry : e.getValue()) {
                AlleleSynonym s = entry.synonym();
                if (!s.wholeResult()) {
                    continue;
                }
                GeneResult target = withAlleles.interpret(s.name());
                if (!target.determinate()) {
                    throw file.error(entry.row(), "'" + s.name() + "' is not a " + table.gene()
                            + " result the tables can read: " + target.problem());
                }
                GeneResult already = withAlleles.interpret(s.printed());
                if (already.determinate()) {
                    throw file.error(entry.row(), "'" + s.printed() + "' already reads as "
                            + (already.diplotype().isEmpty() ? already.phenotype() : already.diplotype()));
                }
                all.add(s);
            }
            out.put(e.getKey(), table.withSynonyms(all));
        }
        GuidelineVersion version = GuidelineVersion.of(file, List.copyOf(byGene.keySet()), List.of());
        return new Loaded(out, version);
    }
}
