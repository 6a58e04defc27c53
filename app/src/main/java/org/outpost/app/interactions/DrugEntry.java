package org.outpost.app.interactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One drug as a table cell names it: {@code omeprazole (prilosec; losec)} — the lower-case generic name, then in
 * parentheses the other names it is ordered by (international spellings, brands, combination products holding it).
 *
 * @param generic    the generic name as written
 * @param otherNames the other names as written, in order
 */
record DrugEntry(String generic, List<String> otherNames) {
    private static final Pattern NAME = Pattern.compile("[\\p{Ll}\\p{Nd}][\\p{Ll}\\p{Nd} '\u2019.\\-]*");
    /** Names shorter than this (normalised) would match stray words of a chart entry. */
    static final int MIN_NAME_LENGTH = 3;

    DrugEntry {
        Objects.requireNonNull(generic, "generic");
        otherNames = List.copyOf(otherNames);
    }

    /**
     * Reads a cell: {@code entry, entry, ...} where an entry is {@code generic} or {@code generic (name; name)}.
     *
     * @throws IllegalArgumentException saying what is wrong, for the caller to place at its file and line
     */
    static List<DrugEntry> parseList(String cell) {
        List<DrugEntry> entries = new ArrayList<>();
        for (String part : splitTopLevel(cell)) {
            entries.add(parse(part.strip()));
        }
        return entries;
    }

    private static List<String> splitTopLevel(String cell) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '(') {
                if (++depth > 1) {
                    throw new IllegalArgumentException("parentheses inside parentheses in '" + cell + "'");
                }
            } else if (c == ')') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("')' without '(' in '" + cell + "'");
                }
            } else if (c == ',' && depth == 0) {
                parts.add(cell.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("'(' is not closed in '" + cell + "'");
        }
        parts.add(cell.substring(start));
        return parts;
    }

    private static DrugEntry parse(String entry) {
        if (entry.isEmpty()) {
            throw new IllegalArgumentException("an empty drug name (two commas in a row, or a comma at an end)");
        }
        int open = entry.indexOf('(');
        if (open < 0) {
            return new DrugEntry(name(entry), List.of());
        }
        if (!entry.endsWith(")")) {
            throw new IllegalArgumentException("text after the other names of '" + entry + "': write "
                    + "'generic (other name; other name)'");
        }
        String generic = name(entry.substring(0, open).strip());
        List<String> others = new ArrayList<>();
        for (String other : entry.substring(open + 1, entry.length() - 1).split(";", -1)) {
            others.add(name(other.strip()));
        }
        return new DrugEntry(generic, others);
    }

    private static String name(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an empty drug name");
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("drug name '" + name + "' must be written in lower case");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("drug name '" + name + "' may hold only lower-case letters, digits, "
                    + "spaces, hyphens, apostrophes and full stops");
        }
        if (name.codePoints().noneMatch(Character::isLetter)) {
            throw new IllegalArgumentException("drug name '" + name + "' has no letter");
        }
        if (DrugText.normalise(name).length() < MIN_NAME_LENGTH) {
            throw new IllegalArgumentException("drug name '" + name + "' is shorter than " + MIN_NAME_LENGTH
                    + " characters and would match stray words");
        }
        return name;
    }
}
