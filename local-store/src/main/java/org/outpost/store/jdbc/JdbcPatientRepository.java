package org.outpost.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.domain.Sex;
import org.outpost.app.port.PatientRepository;
import org.outpost.app.port.StoreException;
import org.outpost.app.usecase.PatientQuery;

/**
 * Patients in the {@code patients} table with their allergies in {@code allergies}. Names are also
 * stored folded ({@link PatientQuery#fold}) for ordering, and split into folded words in
 * {@code patient_name_tokens} ({@link NameTokens}, written in the same transaction) so that each search
 * word, case- and accent-insensitively, can prefix any word of the family or given name through an
 * index.
 */
public final class JdbcPatientRepository implements PatientRepository {
    private static final String COLUMNS = "id, mrn, family_name, given_name, sex, birth_date, address, phone, consent";
    private static final String SUMMARY_COLUMNS = "id, mrn, family_name, given_name, sex, birth_date";
    private static final String ORDER = " ORDER BY family_folded, given_folded, birth_date, family_name, given_name, id";

    private final Tx tx;

    public JdbcPatientRepository(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public void insert(Patient p) {
        tx.requireWritable();
        try {
            Connection c = tx.connection();
            Jdbc.update(c, "INSERT INTO patients (" + COLUMNS
                    + ", family_folded, given_folded, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ps -> {
                        int i = bindPatient(ps, p);
                        ps.setObject(i++, tx.now());
                        ps.setObject(i, tx.now());
                    });
            NameTokens.insert(c, p.id().value(), p.familyName(), p.givenName());
            insertAllergies(c, p);
        } catch (SQLException e) {
            if (SqlErrors.isDuplicate(e)) {
                throw new StoreException("The MRN is already in use by another patient");
            }
            throw SqlErrors.translate(e, "save the patient");
        }
    }

    @Override
    public void update(Patient p) {
        tx.requireWritable();
        try {
            Connection c = tx.connection();
            int n = Jdbc.update(c, "UPDATE patients SET id = ?, mrn = ?, family_name = ?, given_name = ?, sex = ?, "
                    + "birth_date = ?, address = ?, phone = ?, consent = ?, family_folded = ?, given_folded = ?, "
                    + "updated_at = ? WHERE id = ?", ps -> {
                        int i = bindPatient(ps, p);
                        ps.setObject(i++, tx.now());
                        ps.setObject(i, p.id().value());
                    });
            if (n == 0) {
                throw new StoreException("The patient record no longer exists");
            }
            NameTokens.replace(c, p.id().value(), p.familyName(), p.givenName());
            Jdbc.update(c, "DELETE FROM allergies WHERE patient_id = ?", ps -> ps.setObject(1, p.id().value()));
            insertAllergies(c, p);
        } catch (SQLException e) {
            if (SqlErrors.isDuplicate(e)) {
                throw new StoreException("The MRN is already in use by another patient");
            }
            throw SqlErrors.translate(e, "save the patient");
        }
    }

    /** Binds id … consent, family_folded, given_folded; returns the next parameter index. */
    private static int bindPatient(PreparedStatement ps, Patient p) throws SQLException {
        int i = 1;
        ps.setObject(i++, p.id().value());
        ps.setString(i++, p.mrn().value());
        ps.setString(i++, p.familyName());
        ps.setString(i++, p.givenName());
        ps.setString(i++, p.sex().name());
        ps.setObject(i++, p.birthDate());
        ps.setString(i++, p.address());
        ps.setString(i++, p.phone());
        ps.setString(i++, p.consent().name());
        ps.setString(i++, PatientQuery.fold(p.familyName()));
        ps.setString(i++, PatientQuery.fold(p.givenName()));
        return i;
    }

    private static void insertAllergies(Connection c, Patient p) throws SQLException {
        if (p.allergies().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO allergies (patient_id, position, substance) VALUES (?, ?, ?)")) {
            int position = 0;
            for (String substance : p.allergies()) {
                ps.setObject(1, p.id().value());
                ps.setInt(2, position++);
                ps.setString(3, substance);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<Patient> find(PatientId id) {
        return Jdbc.run(tx, "read the patient", c -> Jdbc.queryOne(c,
                "SELECT " + COLUMNS + " FROM patients WHERE id = ?", ps -> ps.setObject(1, id.value()),
                rs -> withAllergies(c, rs)));
    }

    @Override
    public Optional<Patient> findByMrn(Mrn mrn) {
        return Jdbc.run(tx, "read the patient", c -> Jdbc.queryOne(c,
                "SELECT " + COLUMNS + " FROM patients WHERE mrn = ?", ps -> ps.setString(1, mrn.value()),
                rs -> withAllergies(c, rs)));
    }

    @Override
    public List<PatientSummary> search(PatientQuery query, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM patients WHERE TRUE");
        List<Object> args = new ArrayList<>();
        // The longest word drives through the token index; each other word is then checked per candidate
        // through the (patient_id, token) key, instead of materialising every patient a short word matches.
        List<String> prefixes = namePrefixes(query);
        for (int i = 0; i < prefixes.size(); i++) {
            sql.append(i == 0
                    ? " AND id IN (SELECT patient_id FROM patient_name_tokens WHERE token LIKE ? ESCAPE '\\')"
                    : " AND EXISTS (SELECT 1 FROM patient_name_tokens t WHERE t.patient_id = patients.id"
                            + " AND t.token LIKE ? ESCAPE '\\')");
            args.add(Jdbc.likePrefix(prefixes.get(i)));
        }
        query.mrnPrefix().ifPresent(m -> {
            sql.append(" AND mrn LIKE ? ESCAPE '\\'");
            args.add(Jdbc.likePrefix(m.strip().toUpperCase(java.util.Locale.ROOT)));
        });
        query.birthDate().ifPresent(d -> {
            sql.append(" AND birth_date = ?");
            args.add(d);
        });
        sql.append(ORDER).append(" LIMIT ?");
        args.add(limit);
        return Jdbc.run(tx, "search patients", c -> Jdbc.query(c, sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
        }, JdbcPatientRepository::summary));
    }

    /**
     * The query's folded name tokens without empty ones and without any that another token extends
     * ("mar" is implied by "maria"), longest first so the most selective drives the search.
     */
    static List<String> namePrefixes(PatientQuery query) {
        List<String> folded = query.nameTokens().stream().map(PatientQuery::fold).filter(t -> !t.isEmpty())
                .distinct().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(t -> t))
                .toList();
        List<String> kept = new ArrayList<>();
        for (String token : folded) {
            if (kept.stream().noneMatch(k -> k.startsWith(token))) {
                kept.add(token);
            }
        }
        return kept;
    }

    @Override
    public List<Patient> bornOn(Collection<LocalDate> days) {
        List<LocalDate> distinct = days.stream().filter(Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        String marks = distinct.stream().map(d -> "?").collect(Collectors.joining(", "));
        return Jdbc.run(tx, "read patients", c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM patients WHERE birth_date IN (" + marks + ")" + ORDER, ps -> {
                    for (int i = 0; i < distinct.size(); i++) {
                        ps.setObject(i + 1, distinct.get(i));
                    }
                }, rs -> withAllergies(c, rs)));
    }

    @Override
    public long count() {
        return Jdbc.run(tx, "count patients", c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM patients", ps -> { },
                rs -> rs.getLong(1)).orElse(0L));
    }

    private static PatientSummary summary(ResultSet rs) throws SQLException {
        return new PatientSummary(new PatientId(Jdbc.uuid(rs, "id")), new Mrn(rs.getString("mrn")),
                rs.getString("family_name"), rs.getString("given_name"), Sex.valueOf(rs.getString("sex")),
                Jdbc.date(rs, "birth_date"));
    }

    private static Patient withAllergies(Connection c, ResultSet rs) throws SQLException {
        PatientId id = new PatientId(Jdbc.uuid(rs, "id"));
        List<String> allergies = Jdbc.query(c,
                "SELECT substance FROM allergies WHERE patient_id = ? ORDER BY position",
                ps -> ps.setObject(1, id.value()), a -> a.getString(1));
        return new Patient(id, new Mrn(rs.getString("mrn")), rs.getString("family_name"), rs.getString("given_name"),
                Sex.valueOf(rs.getString("sex")), Jdbc.date(rs, "birth_date"), rs.getString("address"),
                rs.getString("phone"), Consent.valueOf(rs.getString("consent")), allergies);
    }
}
