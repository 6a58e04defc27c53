package org.outpost.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.outpost.app.usecase.PatientQuery;

/**
 * The short prefixes of a patient's name tokens, kept in {@code patient_name_prefixes} (V5) so that a
 * search word can be answered by one equality on an index in display order instead of a {@code LIKE}
 * range that has to be read and sorted in full.
 *
 * <p>For every token of {@link NameTokens#of} the table holds its first 1 to {@value #LENGTH} code points
 * (the whole token when it is that short), once per patient and prefix: "maria jose" and "maria" share
 * "mari", which is stored once, so a search needs no {@code DISTINCT}. Each row carries the patient's sort
 * keys like the token rows do, and the index {@code (prefix, family_folded, given_folded, birth_date,
 * patient_id)} returns the first rows of {@code prefix = ?} in display order: a search reads about as
 * many index entries as it returns.
 *
 * <p>A search word of at most {@value #LENGTH} code points is exactly {@code prefix = word}. A longer word
 * uses its first {@value #LENGTH} code points ({@link #key}) and is then checked against the tokens
 * themselves. Code points, not chars, so that a prefix never ends in half a surrogate pair.
 *
 * <p>{@link NameTokens#insert} and {@link NameTokens#replace} write these rows with the tokens, and
 * migration V5 backfilled them with this same class. Changing the rule needs a new migration that
 * rebuilds the table.
 */
public final class NamePrefixes {
    /** The longest stored prefix, in code points. */
    public static final int LENGTH = 4;

    /** The statement {@link #addRows} fills. */
    public static final String INSERT = "INSERT INTO patient_name_prefixes"
            + " (patient_id, prefix, family_folded, given_folded, birth_date) VALUES (?, ?, ?, ?, ?)";

    private NamePrefixes() {
    }

    /** The distinct prefixes of these tokens, 1 to {@value #LENGTH} code points each, in a stable order. */
    public static Set<String> of(Set<String> tokens) {
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
     * Adds one batch row per prefix of this patient's name to {@code insert}, a prepared {@link #INSERT};
     * the caller executes the batch.
     */
    public static void addRows(PreparedStatement insert, UUID patientId, String familyName, String givenName,
            LocalDate birthDate) throws SQLException {
        String familyFolded = PatientQuery.fold(familyName);
        String givenFolded = PatientQuery.fold(givenName);
        for (String prefix : of(NameTokens.of(familyName, givenName))) {
            insert.setObject(1, patientId);
            insert.setString(2, prefix);
            insert.setString(3, familyFolded);
            insert.setString(4, givenFolded);
            insert.setObject(5, birthDate);
            insert.addBatch();
        }
    }
}
