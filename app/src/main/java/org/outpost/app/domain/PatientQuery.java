package org.outpost.app.domain;

import java.time.LocalDate;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a user typed into the patient search box, split into what it can mean: name prefixes, an MRN
 * prefix, a birth date. "smi jo" finds Smith, John; "1984-03-07" or "07/03/1984" finds everyone born
 * that day; "MRN-0042" finds by record number. Tokens are matched together (AND).
 *
 * @param nameTokens lower-cased, accent-free prefixes each of which must start some word of the family or
 *                   given name
 * @param mrnPrefix  set when the text looks like an MRN (contains a digit, no date)
 * @param birthDate  set when a token is a date
 */
public record PatientQuery(List<String> nameTokens, Optional<String> mrnPrefix, Optional<LocalDate> birthDate) {

    public PatientQuery {
        nameTokens = List.copyOf(nameTokens);
    }

    public boolean isEmpty() {
        return nameTokens.isEmpty() && mrnPrefix.isEmpty() && birthDate.isEmpty();
    }

    /** Parses search text; day-first dates (dd/mm/yyyy) as most clinics outside the US write them. */
    public static PatientQuery parse(String text) {
        List<String> names = new ArrayList<>();
        Optional<String> mrn = Optional.empty();
        Optional<LocalDate> dob = Optional.empty();
        for (String token : (text == null ? "" : text).strip().split("[\\s,]+")) {
            if (token.isEmpty()) {
                continue;
            }
            Optional<LocalDate> date = TypedDate.parse(token);
            if (date.isPresent()) {
                dob = date;
            } else if (token.chars().anyMatch(Character::isDigit)) {
                mrn = Optional.of(token.toUpperCase(Locale.ROOT));
            } else {
                names.add(fold(token));
            }
        }
        return new PatientQuery(names, mrn, dob);
    }

    /**
     * Lower case without accents, so "José" and "jose" match, and with the letters Unicode does not decompose
     * spelt as people type them on an English keyboard ({@link #LETTERS}: "Łukasz" as "lukasz", "Søren" as
     * "soren", "Straße" as "strasse"). Stores fold names the same way; a change here needs the stored folds
     * rebuilt ({@link #FOLDING_VERSION}).
     */
    public static String fold(String name) {
        String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder out = null;
        for (int i = 0; i < n.length(); i++) {
            String spelt = LETTERS.get(n.charAt(i));
            if (spelt != null && out == null) {
                out = new StringBuilder(n.length() + 4).append(n, 0, i);
            }
            if (out != null) {
                out.append(spelt != null ? spelt : String.valueOf(n.charAt(i)));
            }
        }
        return out == null ? n : out.toString();
    }

    /**
     * The version of {@link #fold}'s rule. A store keeps the version its folded names and search index were
     * built with and rebuilds them when it differs: 1 was accents only, 2 added {@link #LETTERS}.
     */
    public static final int FOLDING_VERSION = 2;

    /**
     * Lower-case letters that NFD leaves whole (no accent to strip) and their English-keyboard spelling: Polish
     * ł, Scandinavian ø and æ, French œ, German ß, Croatian/Vietnamese đ, Icelandic þ and ð, Turkish dotless ı,
     * Maltese ħ, Sami ŧ and ŋ, Catalan ŀ, Greenlandic ĸ. Upper case folds to these first ("Ł" to "ł", "ẞ" to "ß").
     */
    private static final java.util.Map<Character, String> LETTERS = java.util.Map.ofEntries(
            java.util.Map.entry('\u0142', "l"), // ł
            java.util.Map.entry('\u00f8', "o"), // ø
            java.util.Map.entry('\u00e6', "ae"), // æ
            java.util.Map.entry('\u0153', "oe"), // œ
            java.util.Map.entry('\u00df', "ss"), // ß
            java.util.Map.entry('\u0111', "d"), // đ
            java.util.Map.entry('\u00fe', "th"), // þ
            java.util.Map.entry('\u00f0', "d"), // ð
            java.util.Map.entry('\u0131', "i"), // ı
            java.util.Map.entry('\u0127', "h"), // ħ
            java.util.Map.entry('\u0167', "t"), // ŧ
            java.util.Map.entry('\u014b', "n"), // ŋ
            java.util.Map.entry('\u0140', "l"), // ŀ
            java.util.Map.entry('\u0138', "k")); // ĸ
}
