package org.outpost.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.outpost.app.domain.PatientQuery;

/**
 * The short prefixes of a patient's name tokens, kept in {@code patient_name_prefixes} (V5) so that a
 * search word is one equality on an index already in display order, instead of a {@code LIKE} range
 * whose every match has to be read and sorted.
 *
 * <p>For every token of {@link NameTokens#of} the table holds its first 1 to {@value #LENGTH} code points
 * (the whole token when it is that short), once per patient and prefix: "maria jose" and "maria" share
 * "mari", stored once, so a search needs no {@code DISTINCT}. Each row is a complete search result: the
 * patient's summary (MRN, names, sex, birth date) and sort keys (folded names). The index
 * {@code (prefix, family_folded, given_folded, birth_date, family_name, given_name, patient_id, mrn, sex)}
 * is in the repository's display order within one prefix and holds every column a search returns, so
 * {@code prefix = ? ORDER BY … LIMIT n} reads n index entries and nothing else: no sort, no lookup in
 * {@code patients} per result.
 *
 * <p>A search word of at most {@value #LENGTH} code points is exactly {@code prefix = word}. A longer word
 * is looked up by its first {@value #LENGTH} code points ({@link #key}) and each candidate then checked
 * against its tokens ({@link #matchesAll}). Code points, not chars, so that a prefix never ends in half a
 * surrogate pair.
 *
 * <p>The repository writes these rows in the same transaction as the patient row (every insert and
 * update of a patient replaces them, so a new MRN or name is searchable at once), and migration V5
 * backfilled them with this same class. A change of the folding rule is rebuilt at unlock by {@link NameFolding}.
 */
public final class NamePrefixes {
    /** The longest stored prefix, in code points. */
    public static final int LENGTH = 4;

    /** The statement {@link #addRows} fills. */
    public static final String INSERT = "INSERT INTO patient_name_prefixes (patient_id, prefix, family_folded,"
            + " given_folded, birth_date, family_name, given_name, mrn, sex) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private NamePrefixes() {
    }

    /** The distinct prefixes of these tokens, 1 to {@value #LENGTH} code points each, in a stable order. */
    public static Set<String> of(Collection<String> tokens) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String token : tokens) {
            int points = token.codePointCount(0, token.length());
            for (int n = 1; n <= Math.min(LENGTH, points); n++) {
                prefixes.add(token.substring(0, token.offsetByCodePoints(0, n)));
            }
        }
        return prefixes;
    }

    /** The stored prefix a search word is looked up by: its first {@value #LENGTH} code points, or all of it. */
    public static String key(String word) {
        return isWhole(word) ? word : word.substring(0, word.offsetByCodePoints(0, LENGTH));
    }

    /** Whether {@link #key} is the whole word, so that {@code prefix = key} alone decides a match. */
    public static boolean isWhole(String word) {
        return word.codePointCount(0, word.length()) <= LENGTH;
    }

    /**
     * Whether every word starts some token of these folded names: the search's match rule, as
     * {@code token LIKE 'word%'} over {@link NameTokens#ofFolded} decides it, without building the tokens.
     */
    public static boolean matchesAll(Collection<String> words, String familyFolded, String givenFolded) {
        for (String word : words) {
            if (!startsSomeToken(word, familyFolded) && !startsSomeToken(word, givenFolded)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code word} starts some token {@link NameTokens} makes of the folded name {@code name}: the
     * whole name, one of its whitespace-separated words (a word without whitespace, where {@code name} has
     * it after a whitespace character), or one of its letter-and-digit runs (a word of letters and digits
     * only, where {@code name} has it after a character that is neither).
     */
    static boolean startsSomeToken(String word, String name) {
        if (word.isEmpty()) {
            return !name.isEmpty();
        }
        if (name.startsWith(word)) {
            return true;
        }
        for (int i = 0; i < word.length(); i++) {
            if (isSpace(word.charAt(i))) {
                return false; // a word with whitespace can only start the whole name
            }
        }
        for (int at = name.indexOf(word, 1); at > 0; at = name.indexOf(word, at + 1)) {
            int before = name.codePointBefore(at);
            if (isSpace(before)
                    || !isLetterOrDigit(before) && lettersAndDigits(name, at, at + word.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the code points of {@code name} from {@code start} up to {@code end} (the last one may end
     * after it) are all letters or digits: a letter-and-digit run starting at {@code start} covers them.
     */
    private static boolean lettersAndDigits(String name, int start, int end) {
        for (int i = start; i < end; ) {
            int cp = name.codePointAt(i);
            if (!isLetterOrDigit(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** What {@code \s} matches in {@link NameTokens}' split: {@code [ \t\n\x0B\f\r]}. */
    private static boolean isSpace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r';
    }

    /** What {@code [\p{L}\p{N}]} matches in {@link NameTokens}' split. */
    private static boolean isLetterOrDigit(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Stores the prefix rows of a new patient, on the caller's connection and transaction. */
    public static void insert(Connection c, UUID patientId, String mrn, String familyName, String givenName,
            String sex, LocalDate birthDate) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            addRows(insert, patientId, mrn, familyName, givenName, sex, birthDate);
            insert.executeBatch();
        }
    }

    /**
     * Replaces the prefix rows of one patient with those of these values, on the caller's connection and
     * transaction.
     */
    public static void replace(Connection c, UUID patientId, String mrn, String familyName, String givenName,
            String sex, LocalDate birthDate) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM patient_name_prefixes WHERE patient_id = ?")) {
            delete.setObject(1, patientId);
            delete.executeUpdate();
        }
        insert(c, patientId, mrn, familyName, givenName, sex, birthDate);
    }

    /**
     * Adds one batch row per prefix of this patient's name to {@code insert}, a prepared {@link #INSERT};
     * the caller executes the batch. {@code sex} is the stored name of the enum, as in {@code patients}.
     */
    public static void addRows(PreparedStatement insert, UUID patientId, String mrn, String familyName,
            String givenName, String sex, LocalDate birthDate) throws SQLException {
        String familyFolded = PatientQuery.fold(familyName);
        String givenFolded = PatientQuery.fold(givenName);
        for (String prefix : of(NameTokens.ofFolded(familyFolded, givenFolded))) {
            insert.setObject(1, patientId);
            insert.setString(2, prefix);
            insert.setString(3, familyFolded);
            insert.setString(4, givenFolded);
            insert.setObject(5, birthDate);
            insert.setString(6, familyName);
            insert.setString(7, givenName);
            insert.setString(8, mrn);
            insert.setString(9, sex);
            insert.addBatch();
        }
    }
}
