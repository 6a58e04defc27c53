package org.outpost.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.outpost.app.domain.PatientQuery;

/**
 * The searchable words of a patient's name, kept in {@code patient_name_tokens} (one row per distinct
 * token, indexed on the token) so that a search word can prefix any part of a compound or multi-part
 * name: "jose" finds "María José", "silva" finds "da Silva" and "Santos-Silva".
 *
 * <p>Tokens are folded with {@link PatientQuery#fold} exactly as search text is. For each of the family
 * and the given name they are: the whole folded name, its whitespace-separated words ("santos-silva"),
 * and its letter-and-digit runs ("santos", "silva"; "o'brien" gives "o" and "brien"). A search word
 * typed with its punctuation ("o'bri") therefore still matches.
 *
 * <p>Each row also carries the patient's sort keys (folded family and given name, birth date), so that
 * the index {@code (token, family_folded, given_folded, birth_date, patient_id)} answers a search's
 * first {@code LIMIT} patients in display order without visiting {@code patients} for every candidate.
 *
 * <p>The repository writes tokens in the same transaction as the patient row, and migration V2 backfills
 * them with this same class, so the rule lives in one place. The search itself reads
 * {@code patient_name_prefixes} ({@link NamePrefixes}, V5), derived from these tokens, and checks longer
 * words against {@link #ofFolded}. Changing the rule needs a new migration that rebuilds both tables.
 */
public final class NameTokens {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** The statement {@link #addRows} fills. */
    public static final String INSERT = "INSERT INTO patient_name_tokens"
            + " (patient_id, token, family_folded, given_folded, birth_date) VALUES (?, ?, ?, ?, ?)";

    private NameTokens() {
    }

    /** The distinct folded tokens of a family and a given name, in a stable order; never an empty one. */
    public static Set<String> of(String familyName, String givenName) {
        return ofFolded(PatientQuery.fold(familyName), PatientQuery.fold(givenName));
    }

    /**
     * The same tokens from names already folded ({@code family_folded}, {@code given_folded}): equal to
     * {@code of(familyName, givenName)} when the arguments are {@code PatientQuery.fold} of those names.
     */
    public static Set<String> ofFolded(String familyFolded, String givenFolded) {
        Set<String> tokens = new LinkedHashSet<>();
        add(tokens, familyFolded);
        add(tokens, givenFolded);
        return tokens;
    }

    private static void add(Set<String> tokens, String folded) {
        if (folded.isEmpty()) {
            return;
        }
        tokens.add(folded);
        for (String word : SPACES.split(folded)) {
            if (!word.isEmpty()) {
                tokens.add(word);
            }
        }
        for (String part : NOT_LETTER_OR_DIGIT.split(folded)) {
            if (!part.isEmpty()) {
                tokens.add(part);
            }
        }
    }

    /** Stores the tokens of a new patient, on the caller's connection and transaction. */
    public static void insert(Connection c, UUID patientId, String familyName, String givenName, LocalDate birthDate)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            addRows(insert, patientId, familyName, givenName, birthDate);
            insert.executeBatch();
        }
    }

    /**
     * Replaces the stored tokens of one patient with those of these names, on the caller's connection
     * and transaction.
     */
    public static void replace(Connection c, UUID patientId, String familyName, String givenName, LocalDate birthDate)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM patient_name_tokens WHERE patient_id = ?")) {
            delete.setObject(1, patientId);
            delete.executeUpdate();
        }
        insert(c, patientId, familyName, givenName, birthDate);
    }

    /**
     * Adds one batch row per token to {@code insert}, a prepared {@link #INSERT}; the caller executes
     * the batch.
     */
    public static void addRows(PreparedStatement insert, UUID patientId, String familyName, String givenName,
            LocalDate birthDate) throws SQLException {
        String familyFolded = PatientQuery.fold(familyName);
        String givenFolded = PatientQuery.fold(givenName);
        for (String token : of(familyName, givenName)) {
            insert.setObject(1, patientId);
            insert.setString(2, token);
            insert.setString(3, familyFolded);
            insert.setString(4, givenFolded);
            insert.setObject(5, birthDate);
            insert.addBatch();
        }
    }
}
