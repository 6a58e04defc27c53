package org.outpost.app.pgx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outpost.app.model.Contribution;
import org.outpost.app.table.TableFile;

/**
 * One gene's CPIC tables — allele → function (and activity value), then diplotype → phenotype — and the
 * translation of a lab result with them. Immutable and thread-safe; everything is indexed when loaded.
 *
 * <p>A result is two alleles separated by {@code /}, in either order, in the spelling of the allele table
 * or one of its "also known as" names, case-insensitive; the gene name may precede it ({@code CYP2C19
 * *1/*2}). Genes whose header says {@code # diplotype-prefix: -1639} also read {@code -1639G/A} and {@code
 * G/A}. Genes whose header says {@code # duplications: allowed} (CYP2D6) read {@code *1x2}, {@code *2x3},
 * {@code *1xN} and {@code *1x≥3}; the allele's activity value is multiplied by the copy number, and a copy
 * number not given counts as at least two — if the phenotype then depends on the unknown number, the result
 * is indeterminate (CPIC's rule, Caudle KE et al. Clin Transl Sci 2020;13(1):116-124: a duplicated allele's
 * activity value times its copy number; {@code xN} counts as at least two copies here, and a phenotype is given
 * only when every copy number from two up gives the same one).
 *
 * <p>Names labs and PharmCAT print come from the bundle's synonym table ({@code allele-synonyms.tsv}, see
 * {@link AlleleSynonyms}): an allele synonym ({@code c.1905+1G>A (*2A)}) reads on either side of {@code /}; a
 * result synonym ({@code rs3918290 heterozygous}, {@code C/T}) stands for a whole result. Spaces around
 * {@code /}, {@code (} and {@code ,} do not matter. For genes phenotyped by activity score, a score reported
 * instead of a diplotype ({@code AS 1.5}, {@code activity score 1.5}) is read if the alleles can give it; and a
 * phenotype reported instead of a diplotype ({@code possible decreased function}, with or without the gene
 * name) is read as that phenotype of the table, with no diplotype or score.
 *
 * <p>Phenotypes come either from the activity score (sum of the two allele activity values, matched against
 * ranges such as {@code 1.25–2.25} or {@code >2.25}) or from the unordered pair of allele functions. A
 * result the tables do not cover — an unknown allele, an allele of uncertain function, a pair or score with
 * no phenotype row — is indeterminate, never guessed.
 */
public final class GeneTable {
    static final String SCORE_UNIT = "activity score";

    private static final Pattern DUPLICATION = Pattern.compile("(.+?)\\s*[x×]\\s*(n|\\d+|(?:≥|>=)\\s*\\d+)");
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern EXACT = Pattern.compile(NUMBER);
    private static final Pattern RANGE = Pattern.compile(NUMBER + "\\s*(?:-|to)\\s*" + NUMBER);
    private static final Pattern BOUND = Pattern.compile("(≥|>=|>|≤|<=|<)\\s*" + NUMBER);
    private static final Pattern REPORTED_SCORE = Pattern.compile("(?:activity score|as)\\s*[:=]?\\s*" + NUMBER);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern AROUND_SLASH = Pattern.compile("\\s*/\\s*");
    private static final Pattern OPEN = Pattern.compile("\\s*\\(\\s*");
    private static final Pattern CLOSE = Pattern.compile("\\s*\\)");
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

    private final String gene;
    private final GuidelineVersion alleleTable;
    private final GuidelineVersion phenotypeTable;
    private final List<AlleleFunction> alleles;
    private final Map<String, Integer> index;
    private final boolean scored;
    private final boolean duplications;
    private final String prefix;
    private final List<ScoreRule> scoreRules;
    private final Map<String, String> pairRules;
    private final Map<String, String> phenotypes;
    private final List<AlleleSynonym> synonyms;
    private final Map<String, String> results;

    /** A row of an activity-score phenotype table: a closed, open or half-open range of scores. */
    record ScoreRule(double lo, boolean loIn, double hi, boolean hiIn, String phenotype, int line) {
        boolean contains(double score) {
            return (score > lo || loIn && score == lo) && (score < hi || hiIn && score == hi);
        }

        boolean overlaps(ScoreRule o) {
            double l;
            boolean lIn;
            if (lo != o.lo) {
                l = Math.max(lo, o.lo);
                lIn = lo > o.lo ? loIn : o.loIn;
            } else {
                l = lo;
                lIn = loIn && o.loIn;
            }
            double h;
            boolean hIn;
            if (hi != o.hi) {
                h = Math.min(hi, o.hi);
                hIn = hi < o.hi ? hiIn : o.hiIn;
            } else {
                h = hi;
                hIn = hiIn && o.hiIn;
            }
            return l < h || l == h && lIn && hIn;
        }
    }

    private GeneTable(String gene, GuidelineVersion alleleTable, GuidelineVersion phenotypeTable,
                      List<AlleleFunction> alleles, Map<String, Integer> index, boolean scored, boolean duplications,
                      String prefix, List<ScoreRule> scoreRules, Map<String, String> pairRules,
                      Map<String, String> phenotypes, List<AlleleSynonym> synonyms, Map<String, String> results) {
        this.gene = gene;
        this.alleleTable = alleleTable;
        this.phenotypeTable = phenotypeTable;
        this.alleles = List.copyOf(alleles);
        this.index = Map.copyOf(index);
        this.scored = scored;
        this.duplications = duplications;
        this.prefix = prefix;
        this.scoreRules = List.copyOf(scoreRules);
        this.pairRules = Map.copyOf(pairRules);
        this.phenotypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phenotypes));
        this.synonyms = List.copyOf(synonyms);
        this.results = Map.copyOf(results);
    }

    /**
     * This table with the synonyms of the bundle's synonym table (checked by {@link AlleleSynonyms}); replaces
     * any synonyms it had.
     */
    GeneTable withSynonyms(List<AlleleSynonym> list) {
        Map<String, Integer> merged = new HashMap<>();
        for (int i = 0; i < alleles.size(); i++) {
            AlleleFunction a = alleles.get(i);
            merged.put(spelling(a.allele()), i);
            for (String alias : a.aliases()) {
                merged.put(spelling(alias), i);
            }
        }
        Map<String, String> wholeResults = new HashMap<>();
        for (AlleleSynonym s : list) {
            if (!s.gene().equalsIgnoreCase(gene)) {
                throw new IllegalArgumentException(s + " is not a " + gene + " synonym");
            }
            String key = spelling(s.printed());
            if (s.wholeResult()) {
                wholeResults.put(key, s.name());
            } else {
                Integer position = merged.get(spelling(s.name()));
                if (position == null) {
                    throw new IllegalArgumentException(s.name() + " is not a " + gene + " allele");
                }
                merged.put(key, position);
            }
        }
        return new GeneTable(gene, alleleTable, phenotypeTable, alleles, merged, scored, duplications, prefix, scoreRules,
                pairRules, phenotypes, list, wholeResults);
    }

    /** Builds a gene's tables from its allele file and its phenotype file, checking both. */
    static GeneTable load(Tsv alleleFile, Tsv phenotypeFile) {
        String gene = alleleFile.required("gene").toUpperCase(Locale.ROOT);
        String phenotypeGene = phenotypeFile.required("gene").toUpperCase(Locale.ROOT);
        if (!gene.equals(phenotypeGene)) {
            throw new CpicTableException(phenotypeFile.file(), 0, "is for gene " + phenotypeGene
                    + " but follows the " + gene + " allele table " + alleleFile.file());
        }
        alleleFile.expectColumns(List.of("allele", "function", "activity value", "also known as"));
        boolean scored;
        if (phenotypeFile.columns().size() == 3) {
            phenotypeFile.expectColumns(List.of("activity score", "phenotype", "examples"));
            scored = true;
        } else {
            phenotypeFile.expectColumns(List.of("allele 1 function", "allele 2 function", "phenotype", "examples"));
            scored = false;
        }
        String duplicationHeader = alleleFile.optional("duplications").toLowerCase(Locale.ROOT);
        if (!duplicationHeader.isEmpty() && !duplicationHeader.equals("allowed")) {
            throw new CpicTableException(alleleFile.file(), 0, "'# duplications:' can only be 'allowed'");
        }
        boolean duplications = duplicationHeader.equals("allowed");
        if (duplications && !scored) {
            throw new CpicTableException(alleleFile.file(), 0,
                    "duplications need phenotypes by activity score, but " + phenotypeFile.file() + " uses allele functions");
        }
        String prefix = alleleFile.optional("diplotype-prefix");

        List<AlleleFunction> alleles = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (TableFile.Row row : alleleFile.rows()) {
            String name = row.cell(0);
            String function = row.cell(1).toLowerCase(Locale.ROOT);
            String value = row.cell(2);
            if (name.isEmpty()) {
                throw alleleFile.error(row, "the allele name is empty");
            }
            if (name.contains("/")) {
                throw alleleFile.error(row, "an allele name cannot contain '/': " + name);
            }
            if (function.isEmpty()) {
                throw alleleFile.error(row, "the function of " + name + " is empty");
            }
            OptionalDouble activity = OptionalDouble.empty();
            if (scored) {
                if (value.isEmpty()) {
                    throw alleleFile.error(row, "the activity value of " + name + " is empty ("
                            + gene + " phenotypes are assigned by activity score; write n/a for uncertain function)");
                }
                if (!value.equalsIgnoreCase("n/a")) {
                    activity = OptionalDouble.of(number(alleleFile, row, value, "activity value of " + name));
                }
            } else if (!value.isEmpty()) {
                throw alleleFile.error(row, "an activity value is given for " + name + " but " + gene
                        + " phenotypes are assigned from allele functions in " + phenotypeFile.file());
            }
            List<String> aliases = new ArrayList<>();
            for (String alias : row.cell(3).split(";")) {
                if (!alias.isBlank()) {
                    aliases.add(alias.strip());
                }
            }
            int position = alleles.size();
            for (String spelling : concat(name, aliases)) {
                Integer earlier = index.putIfAbsent(spelling(spelling), position);
                if (earlier != null) {
                    throw alleleFile.error(row, "'" + spelling + "' already names " + alleles.get(earlier).allele());
                }
            }
            alleles.add(new AlleleFunction(gene, name, function, activity, aliases));
        }

        Set<String> functions = new TreeSet<>();
        alleles.forEach(a -> functions.add(a.function()));
        Map<String, String> phenotypes = new LinkedHashMap<>();
        List<ScoreRule> scoreRules = new ArrayList<>();
        Map<String, String> pairRules = new HashMap<>();
        for (TableFile.Row row : phenotypeFile.rows()) {
            String phenotype = row.cell(scored ? 1 : 2);
            if (!phenotype.toUpperCase(Locale.ROOT).startsWith(gene + " ")) {
                throw phenotypeFile.error(row, "a phenotype starts with the gene name, e.g. '" + gene
                        + " normal metabolizer'; found '" + phenotype + "'");
            }
            phenotypes.putIfAbsent(phenotype.toLowerCase(Locale.ROOT), phenotype);
            if (scored) {
                ScoreRule rule = scoreRule(phenotypeFile, row, phenotype);
                for (ScoreRule other : scoreRules) {
                    if (rule.overlaps(other)) {
                        throw phenotypeFile.error(row, "activity score range '" + row.cell(0)
                                + "' overlaps the range on line " + other.line());
                    }
                }
                scoreRules.add(rule);
            } else {
                String f1 = row.cell(0).toLowerCase(Locale.ROOT);
                String f2 = row.cell(1).toLowerCase(Locale.ROOT);
                for (String f : List.of(f1, f2)) {
                    if (!functions.contains(f)) {
                        throw phenotypeFile.error(row, "function '" + f + "' is not the function of any allele in "
                                + alleleFile.file() + " (" + String.join(", ", functions) + ")");
                    }
                }
                if (pairRules.putIfAbsent(pairKey(f1, f2), phenotype) != null) {
                    throw phenotypeFile.error(row, "the pair '" + f1 + "' + '" + f2 + "' is given twice");
                }
            }
        }

        GuidelineVersion alleleVersion = GuidelineVersion.of(alleleFile, List.of(gene), List.of());
        GuidelineVersion phenotypeVersion = GuidelineVersion.of(phenotypeFile, List.of(gene), List.of());
        GeneTable table = new GeneTable(gene, alleleVersion, phenotypeVersion, alleles, index, scored, duplications,
                prefix, scoreRules, pairRules, phenotypes, List.of(), Map.of());
        table.checkExamples(phenotypeFile);
        return table;
    }

    /** Each documented example diplotype must translate to its row's phenotype. */
    private void checkExamples(Tsv phenotypeFile) {
        for (TableFile.Row row : phenotypeFile.rows()) {
            String phenotype = row.cell(scored ? 1 : 2);
            for (String example : row.cell(scored ? 2 : 3).split(";")) {
                if (example.isBlank()) {
                    continue;
                }
                GeneResult r = interpret(example.strip());
                if (!r.determinate()) {
                    throw phenotypeFile.error(row, "example " + example.strip() + " is indeterminate: " + r.problem());
                }
                if (!r.phenotype().equalsIgnoreCase(phenotype)) {
                    throw phenotypeFile.error(row, "example " + example.strip() + " gives " + r.phenotype()
                            + ", not " + phenotype);
                }
            }
        }
    }

    /** Translates a lab result; never throws for what a lab may write. */
    public GeneResult interpret(String reported) {
        String text = reported == null ? "" : reported.strip();
        String key = spelling(text);
        String bare = withoutGene(key);
        for (String k : List.of(key, withoutPrefix(key), bare, withoutPrefix(bare))) {
            String result = results.get(k);
            if (result != null) {
                return diplotype(text, spelling(result));
            }
        }
        if (scored) {
            Matcher m = REPORTED_SCORE.matcher(bare);
            if (m.matches()) {
                return reportedScore(text, Double.parseDouble(m.group(1)));
            }
        }
        GeneResult r = diplotype(text, key);
        if (!r.determinate()) {
            Optional<String> phenotype = phenotypeNamed(bare);
            if (phenotype.isPresent()) {
                return new GeneResult(gene, text, true, "", phenotype.get(), OptionalDouble.empty(), false, List.of(), "");
            }
        }
        return r;
    }

    private GeneResult diplotype(String text, String key) {
        String[] parts = key.split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            return GeneResult.indeterminate(gene, text, gene + " result '" + text
                    + "' could not be read as two alleles separated by '/' (e.g. " + exampleDiplotype() + ")");
        }
        List<Call> calls = new ArrayList<>(2);
        for (String part : parts) {
            // the part as written (a synonym may start with the gene name), else without the gene and prefix
            String p = part.strip();
            String bare = withoutPrefix(withoutGene(withoutPrefix(p)));
            Optional<Call> call = call(p).or(() -> call(withoutPrefix(p))).or(() -> call(bare));
            if (call.isEmpty()) {
                return GeneResult.indeterminate(gene, text, gene + " result '" + text
                        + "' contains an allele not in the CPIC table (" + bare + "; version: " + alleleTable.version() + ")");
            }
            calls.add(call.get());
        }
        calls.sort(Comparator.comparingInt(Call::position).thenComparingInt(Call::copies));
        String diplotype = prefix + calls.get(0).display(this) + "/" + calls.get(1).display(this);
        return scored ? byScore(text, diplotype, calls) : byFunctions(text, diplotype, calls);
    }

    /** An activity score reported instead of a diplotype: read only if the table's alleles can give it. */
    private GeneResult reportedScore(String text, double score) {
        if (!reachable(score)) {
            return GeneResult.indeterminate(gene, text, gene + " result '" + text + "' is not an activity score the "
                    + gene + " alleles can give (" + (duplications ? "multiples of " + score(step())
                    : String.join(", ", possibleScores())) + "; version: " + alleleTable.version() + ")");
        }
        Optional<ScoreRule> rule = scoreRule(score);
        if (rule.isEmpty()) {
            return GeneResult.indeterminate(gene, text, gene + " result '" + text + "' gives activity score "
                    + score(score) + ", which has no phenotype in the CPIC table (version: " + phenotypeTable.version() + ")");
        }
        return new GeneResult(gene, text, true, "", rule.get().phenotype(), OptionalDouble.of(score), false,
                List.of(new Contribution(gene.toLowerCase(Locale.ROOT) + " activity score as reported", score, SCORE_UNIT)),
                "");
    }

    private boolean reachable(double score) {
        if (score > 10) {
            return false;
        }
        if (!duplications) {
            return possibleScores().contains(score(score));
        }
        long step = Math.round(step() * 100);
        long hundredths = Math.round(score * 100);
        return Math.abs(hundredths - score * 100) < 1e-6 && (step == 0 ? hundredths == 0 : hundredths % step == 0);
    }

    /** The largest value every activity value is a multiple of (0.25 for CYP2D6); 0 if all are 0. */
    private double step() {
        long gcd = 0;
        for (AlleleFunction a : alleles) {
            if (a.activity().isPresent()) {
                gcd = gcd(gcd, Math.round(a.activity().getAsDouble() * 100));
            }
        }
        return gcd / 100.0;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The table's phenotype named by a result (gene name already removed), e.g. "possible decreased function". */
    private Optional<String> phenotypeNamed(String key) {
        String withGene = gene.toLowerCase(Locale.ROOT) + " " + key;
        for (String p : phenotypes.values()) {
            if (spelling(p).equals(withGene)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private String withoutGene(String lower) {
        String geneLower = gene.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(geneLower)) {
            return lower;
        }
        String rest = lower.substring(geneLower.length()).strip();
        return rest.startsWith(":") ? rest.substring(1).strip() : rest;
    }

    /**
     * A name or result as the tables compare it: lower case, runs of spaces as one, no spaces around {@code /},
     * one space before {@code (} and none inside, one after {@code ,}.
     */
    static String spelling(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        t = SPACES.matcher(t).replaceAll(" ");
        t = AROUND_SLASH.matcher(t).replaceAll("/");
        t = OPEN.matcher(t).replaceAll(" (");
        t = CLOSE.matcher(t).replaceAll(")");
        t = COMMA.matcher(t).replaceAll(", ");
        return t.strip();
    }

    private GeneResult byScore(String text, String diplotype, List<Call> calls) {
        double score = 0;
        boolean open = false;
        List<Contribution> contributions = new ArrayList<>();
        int n = 1;
        for (Call c : calls) {
            AlleleFunction a = alleles.get(c.position());
            if (a.activity().isEmpty()) {
                return GeneResult.indeterminate(gene, text, gene + " result '" + text + "' contains an allele of "
                        + a.function() + " (" + a.allele() + ") with no activity value in the CPIC table (version: "
                        + alleleTable.version() + ")");
            }
            double value = a.activity().getAsDouble() * c.copies();
            score += value;
            open |= c.open() && a.activity().getAsDouble() > 0;
            contributions.add(new Contribution(gene.toLowerCase(Locale.ROOT) + " allele " + n++ + ": " + c.display(this),
                    value, SCORE_UNIT));
        }
        Optional<ScoreRule> rule = scoreRule(score);
        if (rule.isEmpty()) {
            return GeneResult.indeterminate(gene, text, gene + " result '" + text + "' gives activity score "
                    + score(score) + ", which has no phenotype in the CPIC table (version: " + phenotypeTable.version() + ")");
        }
        if (open) {
            Optional<ScoreRule> highest = scoreRule(Double.POSITIVE_INFINITY);
            if (highest.isEmpty() || !highest.get().phenotype().equals(rule.get().phenotype())) {
                return GeneResult.indeterminate(gene, text, gene + " result '" + text + "' needs the copy number: "
                        + "activity score " + score(score) + " or more could be " + rule.get().phenotype()
                        + highest.map(h -> " or " + h.phenotype()).orElse(" or higher"));
            }
        }
        return new GeneResult(gene, text, true, diplotype, rule.get().phenotype(), OptionalDouble.of(score), open,
                contributions, "");
    }

    private GeneResult byFunctions(String text, String diplotype, List<Call> calls) {
        AlleleFunction a = alleles.get(calls.get(0).position());
        AlleleFunction b = alleles.get(calls.get(1).position());
        String phenotype = pairRules.get(pairKey(a.function(), b.function()));
        if (phenotype == null) {
            String why = uncertain(a) ? a.allele() + " is of " + a.function()
                    : uncertain(b) ? b.allele() + " is of " + b.function()
                    : a.allele() + " (" + a.function() + ") with " + b.allele() + " (" + b.function() + ") is not assigned";
            return GeneResult.indeterminate(gene, text, gene + " result '" + text + "' has no CPIC phenotype: " + why
                    + " (version: " + phenotypeTable.version() + ")");
        }
        return new GeneResult(gene, text, true, diplotype, phenotype, OptionalDouble.empty(), false, List.of(), "");
    }

    private static boolean uncertain(AlleleFunction a) {
        return a.function().contains("uncertain") || a.function().contains("unknown");
    }

    /** One allele of a result: its table position and copy number ({@code open}: at least that many). */
    private record Call(int position, int copies, boolean open, String copyText) {
        String display(GeneTable table) {
            String name = table.alleles.get(position).allele();
            if (copyText.isEmpty()) {
                return name;
            }
            return name + "x" + copyText;
        }
    }

    private Optional<Call> call(String spelling) {
        Integer position = index.get(spelling);
        if (position != null) {
            return Optional.of(new Call(position, 1, false, ""));
        }
        if (!duplications) {
            return Optional.empty();
        }
        Matcher m = DUPLICATION.matcher(spelling);
        if (!m.matches()) {
            return Optional.empty();
        }
        position = index.get(m.group(1).strip());
        if (position == null) {
            return Optional.empty();
        }
        String count = m.group(2).replace(" ", "");
        if (count.equals("n")) {
            return Optional.of(new Call(position, 2, true, "N"));
        }
        if (count.startsWith("≥") || count.startsWith(">=")) {
            int min = Integer.parseInt(count.replaceAll("\\D", ""));
            return min < 1 ? Optional.empty() : Optional.of(new Call(position, min, true, "≥" + min));
        }
        int copies = Integer.parseInt(count);
        return copies < 1 || copies > 20 ? Optional.empty()
                : Optional.of(new Call(position, copies, false, copies == 1 ? "" : Integer.toString(copies)));
    }

    private String withoutPrefix(String lower) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return !p.isEmpty() && lower.startsWith(p) ? lower.substring(p.length()).strip() : lower;
    }

    private String exampleDiplotype() {
        String first = alleles.getFirst().allele();
        return prefix + first + "/" + (alleles.size() > 1 ? alleles.get(1).allele() : first);
    }

    private Optional<ScoreRule> scoreRule(double score) {
        for (ScoreRule r : scoreRules) {
            if (r.contains(score)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static ScoreRule scoreRule(Tsv file, TableFile.Row row, String phenotype) {
        String cell = row.cell(0).replace('–', '-').replace('—', '-').strip();
        Matcher m;
        if ((m = EXACT.matcher(cell)).matches()) {
            double v = Double.parseDouble(m.group(1));
            return new ScoreRule(v, true, v, true, phenotype, row.line());
        }
        if ((m = RANGE.matcher(cell)).matches()) {
            double lo = Double.parseDouble(m.group(1));
            double hi = Double.parseDouble(m.group(2));
            if (lo > hi) {
                throw file.error(row, "activity score range '" + row.cell(0) + "' runs backwards");
            }
            return new ScoreRule(lo, true, hi, true, phenotype, row.line());
        }
        if ((m = BOUND.matcher(cell)).matches()) {
            double v = Double.parseDouble(m.group(2));
            return switch (m.group(1)) {
                case ">" -> new ScoreRule(v, false, Double.POSITIVE_INFINITY, true, phenotype, row.line());
                case "≥", ">=" -> new ScoreRule(v, true, Double.POSITIVE_INFINITY, true, phenotype, row.line());
                case "<" -> new ScoreRule(0, true, v, false, phenotype, row.line());
                default -> new ScoreRule(0, true, v, true, phenotype, row.line());
            };
        }
        throw file.error(row, "'" + row.cell(0) + "' is not an activity score or range (write e.g. 1, 0.25–1, >2.25)");
    }

    private static double number(Tsv file, TableFile.Row row, String text, String what) {
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v) || v < 0 || v > 10) {
                throw file.error(row, what + " '" + text + "' is not between 0 and 10");
            }
            return v;
        } catch (NumberFormatException e) {
            throw file.error(row, what + " '" + text + "' is not a number (or n/a)");
        }
    }

    private static String pairKey(String f1, String f2) {
        return f1.compareTo(f2) <= 0 ? f1 + "|" + f2 : f2 + "|" + f1;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** An activity score as the tables write it: 2, 1.5, 0.25. */
    static String score(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Every activity score two alleles of this table can give (no duplications), for checking tables. */
    Set<String> possibleScores() {
        double[] values = alleles.stream().filter(a -> a.activity().isPresent())
                .mapToDouble(a -> a.activity().getAsDouble()).distinct().toArray();
        Arrays.sort(values);
        Set<String> scores = new LinkedHashSet<>();
        for (int i = 0; i < values.length; i++) {
            for (int j = i; j < values.length; j++) {
                scores.add(score(values[i] + values[j]));
            }
        }
        return scores;
    }

    public String gene() {
        return gene;
    }

    /** True when phenotypes come from the activity score; false when from the pair of allele functions. */
    public boolean usesActivityScore() {
        return scored;
    }

    public boolean allowsDuplications() {
        return duplications;
    }

    public List<AlleleFunction> alleles() {
        return alleles;
    }

    /** The synonyms of the bundle's synonym table for this gene, in file order; empty if it has none. */
    public List<AlleleSynonym> synonyms() {
        return synonyms;
    }

    /** The allele a name, alias or allele synonym stands for (any case). */
    Optional<AlleleFunction> allele(String name) {
        Integer position = index.get(spelling(name));
        return position == null ? Optional.empty() : Optional.of(alleles.get(position));
    }

    /** The phenotype names of the phenotype table, in its order, as spelled there. */
    public List<String> phenotypes() {
        return List.copyOf(phenotypes.values());
    }

    /** The table's spelling of a phenotype name given in any case. */
    Optional<String> phenotype(String name) {
        return Optional.ofNullable(phenotypes.get(name.toLowerCase(Locale.ROOT)));
    }

    public GuidelineVersion alleleTable() {
        return alleleTable;
    }

    public GuidelineVersion phenotypeTable() {
        return phenotypeTable;
    }
}
