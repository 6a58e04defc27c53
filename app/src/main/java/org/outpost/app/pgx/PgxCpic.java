package org.outpost.app.pgx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.text.Text;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;

/**
 * CPIC pharmacogenomic prescribing recommendations: diplotype → phenotype → recommendation, for the drugs and
 * genes of the {@link CpicTables} in force. With the bundled tables:
 * <ul>
 *   <li>clopidogrel — CYP2C19: Lee CR et al. Clin Pharmacol Ther 2022;112(5):959–967, Table 1 and Table 2,
 *       column "ACS and/or PCI" (cardiovascular indication; other indications carry other strengths);</li>
 *   <li>warfarin — CYP2C9 + VKORC1 -1639G&gt;A: Johnson JA et al. Clin Pharmacol Ther 2017;102(3):397–404,
 *       Figure 2 — calculate the dose with a validated pharmacogenetic algorithm (Outpost's
 *       {@code warfarin-iwpc}); CYP2C9 activity score and phenotypes per Theken KN et al. Clin Pharmacol Ther
 *       2020;108(2):191–200, Table 1;</li>
 *   <li>simvastatin — SLCO1B1: Cooper-DeHoff RM et al. Clin Pharmacol Ther 2022;111(5):1007–1021, Tables 1
 *       and 2;</li>
 *   <li>azathioprine, mercaptopurine, thioguanine — TPMT + NUDT15: Relling MV et al. Clin Pharmacol Ther
 *       2019;105(5):1095–1105, Tables 1–3, with the CPIC update of March 2024 for patients intermediate for
 *       both genes;</li>
 *   <li>fluorouracil, capecitabine — DPYD activity score: Amstutz U et al. Clin Pharmacol Ther
 *       2018;103(2):210–216, Tables 1 and 2, with the CPIC updates of November 2018 (activity score 1.5: 50%)
 *       and January 2024 (c.1129-5923C&gt;G);</li>
 *   <li>codeine — CYP2D6 activity score: Crews KR et al. Clin Pharmacol Ther 2021;110(4):888–896, Tables 1
 *       and 2 (AS 0 poor, 0.25–1 intermediate, 1.25–2.25 normal, &gt; 2.25 ultrarapid metabolizer; Caudle KE
 *       et al. Clin Transl Sci 2020;13(1):116–124);</li>
 *   <li>tramadol — CYP2D6 phenotype: Crews KR et al. Clin Pharmacol Ther 2021;110(4):888–896, Table 3.</li>
 * </ul>
 *
 * <p>Inputs: {@code drug} (one of the covered drugs), {@code indication} (optional; clopidogrel's advice
 * differs for ACS/PCI, other cardiovascular and neurovascular indications, CPIC 2022 Tables 2 and 3), then one free-text diplotype per gene, named in lower
 * case ({@code cyp2c19}, {@code cyp2c9}, {@code vkorc1}, {@code slco1b1}, {@code tpmt}, {@code nudt15},
 * {@code dpyd}, {@code cyp2d6}). Notation: {@code *1/*2} in either order, {@code *1/*1xN}, {@code -1639G/A},
 * {@code G/A} or {@code C/T}, {@code c.1905+1G>A/Reference}, the names of the synonym table
 * ({@code c.1905+1G>A (*2A)/Reference}, {@code rs3918290 heterozygous}), an activity score ({@code AS 1.5}) or a
 * phenotype ({@code possible decreased function}); see {@link GeneTable}.
 *
 * <p>Applicability: a patient with no result for the drug's gene(s) is not applicable, the gene inputs listed
 * as missing — untested patients are the common case and must not alert. A result the tables cannot translate
 * is applicable with category "indeterminate" and a MODERATE recommendation to confirm with the lab. The
 * value is the activity score when the drug has one scored gene (DPYD, CYP2D6, CYP2C9 for warfarin; a lower
 * bound for {@code xN} duplications), with each allele's activity value as a contribution; otherwise there is
 * no value. No dose is suggested: CPIC gives fractions of a starting dose the prescriber chooses.
 */
public final class PgxCpic implements ClinicalModel {
    public static final String ID = "pgx-cpic";
    public static final String DRUG = "drug";
    /** The optional input naming the indication, for drugs whose advice depends on it (clopidogrel). */
    public static final String INDICATION = "indication";

    private final PgxAdvisor advisor;
    private final ModelRef ref;
    private final List<InputSpec> inputs;

    /** With the tables shipped with Outpost. */
    public PgxCpic() {
        this(CpicTables.bundled());
    }

    public PgxCpic(CpicTables tables) {
        this.advisor = new PgxAdvisor(tables);
        this.ref = new ModelRef(ID, tables.version(), "CPIC pharmacogenomic prescribing recommendations",
                tables.guidelines().stream().map(GuidelineVersion::citation).collect(Collectors.joining("; ")));
        List<InputSpec> specs = new ArrayList<>();
        specs.add(InputSpec.choice(DRUG, tables.drugs(), "input.pgx-cpic.drug"));
        List<String> indications = tables.drugs().stream().flatMap(d -> advisor.indications(d).stream())
                .map(Indication::key).distinct().toList();
        if (!indications.isEmpty()) {
            specs.add(InputSpec.choice(INDICATION, indications, "input.pgx-cpic.indication"));
        }
        for (String gene : tables.genes()) {
            specs.add(InputSpec.text(inputName(gene), "input.pgx-cpic.diplotype")
                    .describedBy(Text.of("input.pgx-cpic.diplotype", gene, example(tables.gene(gene).orElseThrow()))));
        }
        this.inputs = List.copyOf(specs);
    }

    /** The input name of a gene's result: the gene in lower case, e.g. {@code cyp2c19}. */
    public static String inputName(String gene) {
        return gene.toLowerCase(Locale.ROOT);
    }

    private static String example(GeneTable gene) {
        List<AlleleFunction> a = gene.alleles();
        return gene.gene().equals("VKORC1") ? "-1639G/A"
                : gene.gene().equals("DPYD") ? "c.1905+1G>A/Reference"
                : a.getFirst().allele() + "/" + a.get(Math.min(1, a.size() - 1)).allele();
    }

    public PgxAdvisor advisor() {
        return advisor;
    }

    @Override
    public ModelRef ref() {
        return ref;
    }

    @Override
    public List<InputSpec> inputs() {
        return inputs;
    }

    @Override
    public Evaluation evaluate(ModelInputs in) {
        Objects.requireNonNull(in, "in");
        Optional<String> drug = in.choice(DRUG);
        if (drug.isEmpty()) {
            return Evaluation.notApplicable(ref, List.of(DRUG), List.of());
        }
        Map<String, String> genotypes = new LinkedHashMap<>();
        for (String gene : advisor.tables().genes()) {
            in.text(inputName(gene)).ifPresent(t -> genotypes.put(gene, t));
        }
        return switch (advisor.assess(drug.get(), genotypes, in.choice(INDICATION).orElse(""))) {
            case PgxAdvisor.NotCovered nc -> Evaluation.notApplicableBecause(ref, List.of(),
                    List.of(Text.of("reason.pgx-cpic.notCovered", ref.version(), nc.drug())));
            case PgxAdvisor.NotTested nt -> Evaluation.notApplicable(ref,
                    nt.missingGenes().stream().map(PgxCpic::inputName).toList(), List.of());
            case PgxAdvisor.Advised(PgxAdvice advice) -> Evaluation.advice(ref,
                    advice.activityScore().orElse(Double.NaN),
                    advice.activityScore().isPresent() ? GeneTable.SCORE_UNIT : "",
                    advice.category(), contributions(advice), advice.recommendation());
        };
    }

    private static List<Contribution> contributions(PgxAdvice advice) {
        if (advice.activityScore().isEmpty()) {
            return List.of();
        }
        return advice.results().stream().filter(r -> r.activityScore().isPresent())
                .flatMap(r -> r.contributions().stream()).toList();
    }
}
