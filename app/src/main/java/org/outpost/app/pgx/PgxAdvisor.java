package org.outpost.app.pgx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.outpost.app.model.Recommendation;
import org.outpost.app.model.Severity;
import org.outpost.app.text.Text;

/**
 * The prescribing check's entry point: for a drug being prescribed and the patient's pharmacogenomic results,
 * the CPIC advice that applies — or nothing when the patient was not tested for the drug's genes (the common
 * case, which must not alert). Immutable and thread-safe; one look-up per gene and one per drug, all indexed
 * when the tables were loaded.
 *
 * <p>A result that cannot be translated (an allele not in the CPIC table, one of uncertain function, an
 * unreadable diplotype, or a phenotype without the activity score a drug's recommendations are keyed by)
 * gives advice of severity MODERATE asking the lab to confirm — never a guess.
 */
public final class PgxAdvisor {
    /** Prefix of the advice given when a result cannot be translated. */
    public static final String INDETERMINATE_PREFIX = "Indeterminate — confirm by lab: ";

    private static final Pattern WORDS = Pattern.compile("[^a-z0-9]+");

    private final CpicTables tables;

    public PgxAdvisor(CpicTables tables) {
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    /** What the tables say for one drug and one patient. */
    public sealed interface Assessment permits NotCovered, NotTested, Advised { }

    /** The tables have no recommendation for this drug. */
    public record NotCovered(String drug) implements Assessment { }

    /** The patient has no result for genes the drug's recommendations need (upper case, table order). */
    public record NotTested(String drug, List<String> missingGenes) implements Assessment {
        public NotTested {
            missingGenes = List.copyOf(missingGenes);
        }
    }

    /** Advice applies. */
    public record Advised(PgxAdvice advice) implements Assessment { }

    public CpicTables tables() {
        return tables;
    }

    /** True when the tables have recommendations for the drug (generic name, any case; salts are ignored). */
    public boolean covers(String drugGenericName) {
        return drug(drugGenericName).isPresent();
    }

    /**
     * The tables' name for a generic name: the whole name, or else any word of it ("clopidogrel bisulfate",
     * "5-fluorouracil").
     */
    public Optional<String> drug(String drugGenericName) {
        if (drugGenericName == null) {
            return Optional.empty();
        }
        String name = drugGenericName.strip().toLowerCase(Locale.ROOT);
        if (tables.recommendations(name).isPresent()) {
            return Optional.of(name);
        }
        for (String word : WORDS.split(name)) {
            if (!word.isEmpty() && tables.recommendations(word).isPresent()) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    /** The genes whose results the drug's recommendations use, upper case; empty when not covered. */
    public List<String> genesFor(String drugGenericName) {
        return drug(drugGenericName).flatMap(tables::recommendations)
                .map(t -> t.genes().stream().map(GeneTable::gene).toList()).orElse(List.of());
    }

    /**
     * The advice for a drug, or an empty list when the drug is not covered or the patient has no result for
     * the genes it needs.
     *
     * @param genotypes diplotype by gene name (any case), e.g. {@code CYP2C19 → *1/*2}
     */
    public List<PgxAdvice> adviseFor(String drugGenericName, Map<String, String> genotypes) {
        return assess(drugGenericName, genotypes) instanceof Advised(PgxAdvice advice) ? List.of(advice) : List.of();
    }

    /**
     * The indications the drug's advice depends on (clopidogrel: ACS/PCI, other cardiovascular, stroke/TIA),
     * in table order; empty when the advice does not depend on the indication or the drug is not covered.
     */
    public List<Indication> indications(String drugGenericName) {
        return drug(drugGenericName).flatMap(tables::recommendations).map(RecommendationTable::indications)
                .orElse(List.of());
    }

    /** Like {@link #adviseFor} but says why there is no advice; the indication is not stated. */
    public Assessment assess(String drugGenericName, Map<String, String> genotypes) {
        return assess(drugGenericName, genotypes, "");
    }

    /**
     * Like {@link #adviseFor} but says why there is no advice.
     *
     * @param indication an indication key of the drug's table ({@link #indications}); blank or unknown when not
     *                   stated, and then, for a drug whose advice depends on it, the strictest advice over all
     *                   its indications applies and says that the indication was not stated
     */
    public Assessment assess(String drugGenericName, Map<String, String> genotypes, String indication) {
        Objects.requireNonNull(genotypes, "genotypes");
        Optional<String> found = drug(drugGenericName);
        if (found.isEmpty()) {
            return new NotCovered(drugGenericName == null ? "" : drugGenericName.strip().toLowerCase(Locale.ROOT));
        }
        String drug = found.get();
        RecommendationTable table = tables.recommendations(drug).orElseThrow();
        Map<String, String> byGene = new HashMap<>();
        genotypes.forEach((gene, diplotype) -> {
            if (gene != null && diplotype != null && !diplotype.isBlank()) {
                byGene.put(gene.strip().toUpperCase(Locale.ROOT), diplotype);
            }
        });

        List<GeneTable> genes = table.genes();
        List<String> key = new ArrayList<>(genes.size());
        List<GeneResult> results = new ArrayList<>(genes.size());
        List<String> untested = new ArrayList<>();
        List<String> categories = new ArrayList<>(genes.size());
        boolean indeterminate = false;
        for (int g = 0; g < genes.size(); g++) {
            GeneTable gene = genes.get(g);
            String reported = byGene.get(gene.gene());
            if (reported == null) {
                key.add(RecommendationTable.NOT_TESTED);
                untested.add(gene.gene());
                categories.add(gene.gene() + " not tested");
                continue;
            }
            GeneResult r = gene.interpret(reported);
            if (r.determinate() && table.byScore(g) && r.activityScore().isEmpty()) {
                r = GeneResult.indeterminate(gene.gene(), r.reported(), gene.gene() + " result '" + r.reported()
                        + "' gives the phenotype " + r.phenotype() + " but not the activity score the " + drug
                        + " recommendation needs (ask the lab for the genotype or activity score)");
            }
            results.add(r);
            categories.add(r.determinate() ? r.phenotype() : gene.gene() + " " + GeneResult.INDETERMINATE);
            indeterminate |= !r.determinate();
            key.add(!r.determinate() ? GeneResult.INDETERMINATE
                    : table.byScore(g) ? GeneTable.score(r.activityScore().orElseThrow())
                    : r.phenotype().toLowerCase(Locale.ROOT));
        }
        if (untested.size() == genes.size()) {
            return new NotTested(drug, untested);
        }
        if (indeterminate) {
            return new Advised(indeterminateAdvice(drug, table, results));
        }
        String category = String.join("; ", genes.size() == 1 ? List.of(categories.getFirst()) : categories);
        List<Indication> indications = table.indications();
        String stated = indication == null ? "" : indication.strip().toLowerCase(Locale.ROOT);
        Optional<Indication> applies = indications.stream().filter(i -> i.key().equals(stated)).findFirst();
        if (indications.isEmpty() || applies.isPresent()) {
            Optional<CpicRecommendation> row = table.find(drug, stated, key);
            if (row.isEmpty()) {
                return new NotTested(drug, untested);
            }
            CpicRecommendation rec = row.get();
            Text text = applies.map(i -> Text.of("advice.pgx.forIndication", i.label(), rec.recommendation()))
                    .orElse(Text.verbatim(rec.recommendation()));
            return new Advised(new PgxAdvice(drug, category, results, activityScore(genes, results),
                    Recommendation.of(rec.severity(), text, rec.strength()).withSource(source(table)),
                    Optional.of(rec), table.version()));
        }
        // indication not stated: the strictest advice over every indication, saying so
        Indication strictest = null;
        CpicRecommendation rec = null;
        boolean allSame = true;
        for (Indication i : indications) {
            Optional<CpicRecommendation> row = table.find(drug, i.key(), key);
            if (row.isEmpty()) {
                continue;
            }
            if (rec != null && !row.get().recommendation().equals(rec.recommendation())) {
                allSame = false;
            }
            if (rec == null || row.get().severity().compareTo(rec.severity()) > 0) {
                rec = row.get();
                strictest = i;
            }
        }
        if (rec == null) {
            return new NotTested(drug, untested);
        }
        Text text = allSame ? Text.verbatim(rec.recommendation())
                : Text.of("advice.pgx.indicationNotStated", strictest.label(), rec.recommendation());
        return new Advised(new PgxAdvice(drug, category, results, activityScore(genes, results),
                Recommendation.of(rec.severity(), text, rec.strength()).withSource(source(table)),
                Optional.of(rec), table.version()));
    }

    /** "CPIC clopidogrel (2022 update): Lee CR et al. …, Table 2" — the guideline and table in force. */
    private static String source(RecommendationTable table) {
        GuidelineVersion v = table.version();
        return v.guideline() + ": " + v.citation();
    }

    private static PgxAdvice indeterminateAdvice(String drug, RecommendationTable table, List<GeneResult> results) {
        List<String> problems = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (GeneResult r : results) {
            if (r.determinate()) {
                known.add(r.phenotype());
            } else {
                problems.add(r.problem());
            }
        }
        Text text = Text.of("advice.pgx.indeterminate", String.join("; ", problems),
                known.isEmpty() ? Text.empty() : Text.of("advice.pgx.otherResult", String.join("; ", known)));
        return new PgxAdvice(drug, GeneResult.INDETERMINATE, results, OptionalDouble.empty(),
                Recommendation.of(Severity.MODERATE, text, "").withSource(source(table)), Optional.empty(),
                table.version());
    }

    /** The activity score when exactly one of the drug's genes is scored and its result is determinate. */
    private static OptionalDouble activityScore(List<GeneTable> genes, List<GeneResult> results) {
        if (genes.stream().filter(GeneTable::usesActivityScore).count() != 1) {
            return OptionalDouble.empty();
        }
        for (GeneResult r : results) {
            if (r.activityScore().isPresent()) {
                return r.activityScore();
            }
        }
        return OptionalDouble.empty();
    }
}
