package org.outpost.app.interactions;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.outpost.app.interactions.DoseFrequency.Period;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.table.TableFile;
import org.outpost.app.table.TableFile.HeaderKeys;
import org.outpost.app.table.TableFile.Width;

/**
 * Reads an interaction table file strictly: any broken rule refuses the whole file with an
 * {@link InteractionTableException} naming the file and line. See {@link InteractionTable} for the layout; the
 * part every bundled table shares (header block, comments, blank lines, tabs) is read by {@link TableFile}.
 */
final class InteractionTableReader {
    /** The header row, in order. */
    static final List<String> COLUMNS = List.of("object", "precipitants", "group", "severity", "contraindicated",
            "mechanism", "effect", "advice", "cap_amount", "cap_unit", "cap_frequency", "source");
    static final List<String> REQUIRED_KEYS = List.of("version", "date", "reviewed-by");

    private static final Pattern AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    /**
     * What a valid file holds.
     *
     * @param header     the {@code # key: value} lines before the header row, in file order
     * @param date       the {@code # date:} line
     * @param rules      the rows, in file order
     * @param otherNames each generic's other names from every row that names it, in first-seen order
     */
    record Contents(Map<String, String> header, LocalDate date, List<InteractionRule> rules,
                    Map<String, Set<String>> otherNames) {
    }

    /** A generic or other name as one row wrote it. */
    private record Written(String name, String generic, int line) {
    }

    private final String file;
    private final List<InteractionRule> rules = new ArrayList<>();
    private final List<Written> names = new ArrayList<>();

    private InteractionTableReader(String file) {
        this.file = file;
    }

    static Contents read(String file, BufferedReader in) throws IOException {
        return new InteractionTableReader(file).readAll(in);
    }

    private Contents readAll(BufferedReader in) throws IOException {
        TableFile table = TableFile.parse(file, in, HeaderKeys.NAME, InteractionTableException::new);
        table.expectColumns(COLUMNS);
        REQUIRED_KEYS.forEach(table::required);
        LocalDate date = table.date("date");
        for (TableFile.Row row : table.rows()) {
            rules.add(row(row.line(), table.cells(row, COLUMNS, Width.EXACT).toArray(String[]::new)));
        }
        if (rules.isEmpty()) {
            throw fail(table.lastLine(), "the table has no interactions");
        }
        Map<String, String> generics = genericSpellings();
        checkOtherNames(generics);
        checkPairs();
        return new Contents(table.header(), date, List.copyOf(rules), otherNames());
    }

    private InteractionTableException fail(int line, String problem) {
        return new InteractionTableException(file, line, problem);
    }

    private InteractionRule row(int n, String[] f) {
        List<DrugEntry> objects = drugs(n, "object", f[0]);
        if (objects.size() != 1) {
            throw fail(n, "object names " + objects.size() + " drugs: a row has one object drug (give each its own row)");
        }
        DrugEntry object = objects.getFirst();
        List<DrugEntry> precipitants = drugs(n, "precipitants", f[1]);
        checkSides(n, object, precipitants);
        String group = required(n, "group", f[2], "say what the precipitants have in common");
        Severity severity = severity(n, f[3]);
        boolean contraindicated = flag(n, f[4]);
        String mechanism = required(n, "mechanism", f[5], "say how the interaction comes about");
        String effect = required(n, "effect", f[6], "say what happens to the patient");
        String advice = required(n, "advice", f[7], "say what to do");
        Optional<SuggestedDose> cap = cap(n, f[8], f[9], f[10]);
        String source = required(n, "source", f[11], "cite the label section or the published list");
        if (contraindicated && severity != Severity.HIGH) {
            throw fail(n, "a contraindicated combination must have severity HIGH, not " + severity);
        }
        if (contraindicated && cap.isPresent()) {
            throw fail(n, "a contraindicated combination has no dose cap: leave cap_amount, cap_unit and "
                    + "cap_frequency blank");
        }
        remember(n, object);
        precipitants.forEach(p -> remember(n, p));
        return new InteractionRule(object.generic(), precipitants.stream().map(DrugEntry::generic).toList(), group,
                severity, contraindicated, mechanism, effect, advice, cap, source, n);
    }

    private List<DrugEntry> drugs(int n, String column, String cell) {
        if (cell.isEmpty()) {
            throw fail(n, column + " is empty");
        }
        try {
            return DrugEntry.parseList(cell);
        } catch (IllegalArgumentException e) {
            throw fail(n, column + ": " + e.getMessage());
        }
    }

    /** No name twice in one entry or one row, and no drug on both sides of the row. */
    private void checkSides(int n, DrugEntry object, List<DrugEntry> precipitants) {
        Set<String> objectNames = entryNames(n, object);
        Set<String> precipitantGenerics = new LinkedHashSet<>();
        for (DrugEntry p : precipitants) {
            if (!precipitantGenerics.add(DrugText.normalise(p.generic()))) {
                throw fail(n, "precipitants list " + p.generic() + " twice");
            }
            for (String name : entryNames(n, p)) {
                if (objectNames.contains(name)) {
                    throw fail(n, "names the same drug on both sides: '" + name + "' is in the object ("
                            + object.generic() + ") and the precipitants (" + p.generic() + ")");
                }
            }
        }
    }

    private Set<String> entryNames(int n, DrugEntry e) {
        Set<String> out = new LinkedHashSet<>();
        out.add(DrugText.normalise(e.generic()));
        for (String other : e.otherNames()) {
            if (!out.add(DrugText.normalise(other))) {
                throw fail(n, e.generic() + ": other name '" + other + "' is given twice or is the generic itself");
            }
        }
        return out;
    }

    private String required(int n, String column, String text, String hint) {
        if (text.isEmpty()) {
            throw fail(n, column + " is empty: " + hint);
        }
        return text;
    }

    private Severity severity(int n, String text) {
        for (Severity s : Severity.values()) {
            if (s.name().equals(text)) {
                return s;
            }
        }
        throw fail(n, "unknown severity '" + text + "': use LOW, MODERATE or HIGH");
    }

    private boolean flag(int n, String text) {
        return switch (text) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw fail(n, "contraindicated '" + text + "' must be yes or no");
        };
    }

    private Optional<SuggestedDose> cap(int n, String amount, String unit, String frequency) {
        if (amount.isEmpty()) {
            if (!unit.isEmpty() || !frequency.isEmpty()) {
                throw fail(n, "cap_unit or cap_frequency given without cap_amount");
            }
            return Optional.empty();
        }
        if (!AMOUNT.matcher(amount).matches() || Double.parseDouble(amount) <= 0) {
            throw fail(n, "cap_amount '" + amount + "' is not a positive number");
        }
        if (!MassUnits.isMass(unit)) {
            throw fail(n, "cap_unit '" + unit + "' is not g, mg or mcg");
        }
        if (Period.ofWord(frequency).isEmpty()) {
            throw fail(n, "cap_frequency '" + frequency + "' must be daily or weekly (the cap is a total over that span)");
        }
        return Optional.of(new SuggestedDose(Double.parseDouble(amount), unit, frequency));
    }

    private void remember(int n, DrugEntry e) {
        names.add(new Written(e.generic(), e.generic(), n));
        e.otherNames().forEach(o -> names.add(new Written(o, e.generic(), n)));
    }

    /** Each generic is spelt one way throughout; returns normalised spelling to the written one. */
    private Map<String, String> genericSpellings() {
        Map<String, String> spelling = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Written w : names) {
            if (!w.name().equals(w.generic())) {
                continue;
            }
            String key = DrugText.normalise(w.generic());
            String before = spelling.putIfAbsent(key, w.generic());
            firstLine.putIfAbsent(key, w.line());
            if (before != null && !before.equals(w.generic())) {
                throw fail(w.line(), "generic '" + w.generic() + "' is written '" + before + "' on line "
                        + firstLine.get(key) + ": spell each drug one way");
            }
        }
        return spelling;
    }

    /** An other name is never itself a generic of the table (that would hide the generic's own rows). */
    private void checkOtherNames(Map<String, String> generics) {
        for (Written w : names) {
            if (w.name().equals(w.generic())) {
                continue;
            }
            String key = DrugText.normalise(w.name());
            if (generics.containsKey(key)) {
                throw fail(w.line(), "'" + w.name() + "' is given as another name of " + w.generic()
                        + " but is a generic name in the table: list it as a drug of its own");
            }
        }
    }

    /** Each unordered pair of generics in one row only. */
    private void checkPairs() {
        Map<String, Integer> seen = new HashMap<>();
        for (InteractionRule r : rules) {
            for (String p : r.precipitants()) {
                TreeSet<String> pair = new TreeSet<>(List.of(DrugText.normalise(r.object()), DrugText.normalise(p)));
                String key = String.join(" + ", pair);
                Integer before = seen.putIfAbsent(key, r.line());
                if (before != null) {
                    throw fail(r.line(), "duplicate pair " + r.object() + " and " + p + ": already on line " + before
                            + " (a pair is given once, in either order)");
                }
            }
        }
    }

    private Map<String, Set<String>> otherNames() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Written w : names) {
            Set<String> others = out.computeIfAbsent(w.generic(), g -> new LinkedHashSet<>());
            if (!w.name().equals(w.generic())) {
                others.add(w.name());
            }
        }
        return out;
    }
}
