package org.outpost.app.medicines;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.outpost.app.model.Severity;
import org.outpost.app.table.TableFile;
import org.outpost.app.table.TableFile.HeaderKeys;
import org.outpost.app.table.TableFile.Width;

/**
 * Reads a medicines-by-class table file (layout in {@link DrugClasses}), refusing it whole at the first line that
 * breaks the layout: a {@link DrugClassFileException} names the file and line. The part every bundled table shares
 * (header block, comments, blank lines, tabs) is read by {@link TableFile}.
 */
final class DrugClassFile {
    /** The classes section's header row, in order. */
    static final List<String> CLASS_COLUMNS = List.of("class", "within", "duplicate", "label", "advice", "source");
    /** The medicines section's header row, in order. */
    static final List<String> DRUG_COLUMNS = List.of("drug", "atc", "names", "classes");

    private static final List<String> REQUIRED_KEYS = List.of("version", "date", "reviewed-by", "atc-index");
    private static final Pattern CLASS_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern GENERIC = Pattern.compile("[a-z][a-z0-9]*([ -][a-z0-9]+)*");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+([ -][a-z0-9]+)*");
    private static final Pattern LETTER = Pattern.compile("[a-z]");
    /** A full (fifth-level, chemical substance) ATC code, e.g. B01AC04. */
    private static final Pattern ATC = Pattern.compile("[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}");

    /** Where each name (as words) was first given: the medicine and the line. */
    private record NameUse(String drug, int line) { }

    private final String file;
    private final List<TherapeuticClass> classes = new ArrayList<>();
    private final Map<String, TherapeuticClass> byClass = new HashMap<>();
    private final List<DrugEntry> drugs = new ArrayList<>();
    private final Map<String, Integer> drugLines = new HashMap<>();
    private final Map<String, NameUse> names = new HashMap<>();

    private DrugClassFile(String file) {
        this.file = file;
    }

    static DrugClasses parse(String file, BufferedReader in) throws IOException {
        return new DrugClassFile(file).read(in);
    }

    /**
     * The file has two sections, each with its own header row: the classes, then (from the row whose first cell is
     * {@code drug}) the medicines. {@link TableFile} reads the first header row as the columns; the medicines'
     * header row is a row to it, recognised here.
     */
    private DrugClasses read(BufferedReader in) throws IOException {
        TableFile table = TableFile.parse(file, in, HeaderKeys.NAME, DrugClassFileException::new);
        int last = Math.max(table.lastLine(), 1);
        if (!table.hasColumnRow()) {
            throw fail(last, "no header row: expected the tab-separated columns " + String.join(", ", CLASS_COLUMNS));
        }
        columns(table.columnLine(), table.columns(), CLASS_COLUMNS, "the classes section");
        REQUIRED_KEYS.forEach(table::required);
        LocalDate date = table.date("date");
        boolean inDrugs = false;
        for (TableFile.Row row : table.rows()) {
            int n = row.line();
            if (inDrugs) {
                addDrug(n, table.cells(row, DRUG_COLUMNS, Width.EXACT).toArray(String[]::new));
            } else if (row.cell(0).toLowerCase(Locale.ROOT).equals(DRUG_COLUMNS.getFirst())) {
                columns(n, row.cells(), DRUG_COLUMNS, "the medicines section");
                if (!byClass.containsKey(TherapeuticClass.SAME_DRUG)) {
                    throw fail(n, "the classes section has no '" + TherapeuticClass.SAME_DRUG
                            + "' row: it rates an order of a medicine already on the list");
                }
                inDrugs = true;
            } else {
                addClass(n, table.cells(row, CLASS_COLUMNS, Width.EXACT).toArray(String[]::new));
            }
        }
        if (!inDrugs) {
            throw fail(last, "no medicines section: expected the header row " + String.join(", ", DRUG_COLUMNS)
                    + " after the classes");
        }
        if (drugs.isEmpty()) {
            throw fail(last, "the table has no medicines");
        }
        return new DrugClasses(file, table.header(), date, classes, drugs);
    }

    private DrugClassFileException fail(int line, String problem) {
        return new DrugClassFileException(file, line, problem);
    }

    private void columns(int n, List<String> cells, List<String> expected, String section) {
        List<String> found = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        if (!found.equals(expected)) {
            throw fail(n, "header row of " + section + " must be the tab-separated columns "
                    + String.join(", ", expected) + "; found " + String.join(", ", found));
        }
    }

    // ------------------------------------------------------------------------------------------------ classes

    private void addClass(int n, String[] f) {
        String name = f[0];
        if (!CLASS_NAME.matcher(name).matches()) {
            throw fail(n, "class '" + name + "' must be lower-case letters, digits and hyphens, e.g. p2y12-inhibitor");
        }
        TherapeuticClass earlier = byClass.get(name);
        if (earlier != null) {
            throw fail(n, "class '" + name + "' is already declared on line " + earlier.line());
        }
        boolean sameDrug = name.equals(TherapeuticClass.SAME_DRUG);
        Optional<String> within = f[1].isEmpty() ? Optional.empty() : Optional.of(f[1]);
        if (within.isPresent()) {
            if (sameDrug || within.get().equals(TherapeuticClass.SAME_DRUG)) {
                throw fail(n, "the reserved class '" + TherapeuticClass.SAME_DRUG + "' is within no class and has none within it");
            }
            if (!byClass.containsKey(within.get())) {
                throw fail(n, "within '" + within.get() + "' is not a class declared above this line");
            }
        }
        Optional<Severity> duplicate = f[2].isEmpty() ? Optional.empty() : Optional.of(severity(n, f[2]));
        if (sameDrug && duplicate.isEmpty()) {
            throw fail(n, "the reserved class '" + TherapeuticClass.SAME_DRUG
                    + "' needs a duplicate severity: LOW, MODERATE or HIGH");
        }
        if (f[3].isEmpty()) {
            throw fail(n, "label is empty: write the class in the plural, e.g. statins");
        }
        if (duplicate.isPresent() && f[4].isEmpty()) {
            throw fail(n, "advice is empty: a duplicate class says what to do about a duplicate");
        }
        if (f[5].isEmpty()) {
            throw fail(n, "source is empty: cite the guideline, label section or WHO ATC group");
        }
        TherapeuticClass c = new TherapeuticClass(name, within, duplicate, f[3], f[4], f[5], n);
        classes.add(c);
        byClass.put(name, c);
    }

    private Severity severity(int n, String text) {
        for (Severity s : Severity.values()) {
            if (s.name().equals(text)) {
                return s;
            }
        }
        throw fail(n, "unknown duplicate severity '" + text + "': use LOW, MODERATE or HIGH, or leave it blank");
    }

    // ---------------------------------------------------------------------------------------------- medicines

    private void addDrug(int n, String[] f) {
        String drug = f[0];
        if (drug.isEmpty()) {
            throw fail(n, "drug is empty");
        }
        if (!drug.equals(drug.toLowerCase(Locale.ROOT))) {
            throw fail(n, "drug '" + drug + "' must be written as the lower-case generic name");
        }
        if (!GENERIC.matcher(drug).matches()) {
            throw fail(n, "drug '" + drug + "' must be letters and digits, words separated by one space or hyphen");
        }
        Integer earlier = drugLines.get(drug);
        if (earlier != null) {
            throw fail(n, "drug '" + drug + "' is already listed on line " + earlier);
        }
        List<String> atc = atcCodes(n, drug, f[1]);
        List<String> synonyms = list(n, "names", f[2]);
        for (String s : synonyms) {
            if (!s.equals(s.toLowerCase(Locale.ROOT))) {
                throw fail(n, "name '" + s + "' must be written in lower case");
            }
            if (!NAME.matcher(s).matches() || !LETTER.matcher(s).find()) {
                throw fail(n, "name '" + s + "' must be letters and digits (at least one letter), words separated by "
                        + "one space or hyphen");
            }
        }
        List<String> all = new ArrayList<>();
        all.add(drug);
        all.addAll(synonyms);
        for (String name : all) {
            claim(n, drug, name);
        }
        Set<String> classesOfDrug = classes(n, f[3]);
        drugs.add(new DrugEntry(drug, atc, synonyms, classesOfDrug, n));
        drugLines.put(drug, n);
    }

    private List<String> atcCodes(int n, String drug, String cell) {
        List<String> codes = list(n, "atc", cell);
        if (codes.isEmpty()) {
            throw fail(n, drug + " has no ATC code: give its code from the WHO ATC/DDD Index, e.g. B01AC04");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String code : codes) {
            if (!ATC.matcher(code).matches()) {
                throw fail(n, "ATC code '" + code + "' is not a substance code as the WHO index writes it "
                        + "(letter, 2 digits, 2 letters, 2 digits, e.g. B01AC04)");
            }
            if (!seen.add(code)) {
                throw fail(n, "ATC code " + code + " is given twice");
            }
        }
        return codes;
    }

    /** Records that {@code name} names {@code drug}, refusing a name (as words) already given to a medicine. */
    private void claim(int n, String drug, String name) {
        String words = String.join(" ", NameIndex.words(name));
        NameUse earlier = names.get(words);
        if (earlier != null) {
            String where = earlier.line() == n ? "on this line" : "on line " + earlier.line() + " for " + earlier.drug();
            throw fail(n, "name '" + name + "' is already given " + where + ": a name belongs to one medicine");
        }
        names.put(words, new NameUse(drug, n));
    }

    private Set<String> classes(int n, String cell) {
        Set<String> all = new LinkedHashSet<>();
        Set<String> listed = new LinkedHashSet<>();
        for (String name : list(n, "classes", cell)) {
            if (!listed.add(name)) {
                throw fail(n, "class '" + name + "' is listed twice");
            }
            if (name.equals(TherapeuticClass.SAME_DRUG)) {
                throw fail(n, "the class '" + name + "' is reserved and cannot be given to a medicine");
            }
            TherapeuticClass c = byClass.get(name);
            if (c == null) {
                throw fail(n, "class '" + name + "' is not declared in the classes section");
            }
            while (c != null) {
                all.add(c.name());
                c = c.within().map(byClass::get).orElse(null);
            }
        }
        return all;
    }

    /** A comma-separated cell as its items, each stripped; empty for a blank cell; an empty item is refused. */
    private List<String> list(int n, String column, String cell) {
        if (cell.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : cell.split(",", -1)) {
            if (item.isBlank()) {
                throw fail(n, column + " has an empty item: separate the items with single commas");
            }
            items.add(item.strip());
        }
        return items;
    }
}
