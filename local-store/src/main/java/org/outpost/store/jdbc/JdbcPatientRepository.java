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
import java.util.UUID;
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
 * {@code patient_name_tokens} ({@link NameTokens}) and those words' 1- to 4-letter prefixes in
 * {@code patient_name_prefixes} ({@link NamePrefixes}), both written in the same transaction, so that
 * each search word, case- and accent-insensitively, can prefix any word of the family or given name
 * through an index that returns the first matches in display order.
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
            NameTokens.insert(c, p.id().value(), p.familyName(), p.givenName(), p.birthDate());
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
            NameTokens.replace(c, p.id().value(), p.familyName(), p.givenName(), p.birthDate());
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
        List<String> prefixes = namePrefixes(query);
        if (prefixes.isEmpty()) {
            return searchPatients(query, limit);
        }
        return Jdbc.run(tx, "search patients", c -> {
            // 1. The first `limit` matches in display order, straight off the prefix index: the longest
            //    word drives through `prefix = ?`, which stores each (patient, prefix) once, so the first
            //    index entries are the answer (no DISTINCT, no sort). The other words are checked per
            //    candidate through the (patient_id, prefix) or (patient_id, token) key; MRN through the
            //    patients key. 2. Those rows, at most `limit` of them.
            List<Object> args = new ArrayList<>();
            String where = prefixFilter(query, prefixes, args);
            List<Key> keys = Jdbc.query(c, "SELECT t.patient_id, t.family_folded, t.given_folded, t.birth_date"
                    + " FROM patient_name_prefixes t WHERE " + where
                    + " ORDER BY t.family_folded, t.given_folded, t.birth_date, t.patient_id LIMIT ?",
                    ps -> bind(ps, args, limit), Key::of);
            if (keys.isEmpty()) {
                return List.<PatientSummary>of();
            }
            List<UUID> ids = new ArrayList<>(keys.stream().map(Key::id).toList());
            if (keys.size() == limit) {
                // Patients equal to the last one in folded names and birth date are ordered by their
                // unfolded names next, which the index does not hold: fetch all of them so the cut at
                // `limit` falls where ORDER puts it.
                Key last = keys.get(limit - 1);
                List<Object> tieArgs = new ArrayList<>(args);
                tieArgs.add(last.family());
                tieArgs.add(last.given());
                tieArgs.add(last.born());
                for (UUID id : Jdbc.query(c, "SELECT t.patient_id FROM patient_name_prefixes t WHERE " + where
                        + " AND t.family_folded = ? AND t.given_folded = ? AND t.birth_date = ?",
                        ps -> bind(ps, tieArgs, -1), rs -> Jdbc.uuid(rs, "patient_id"))) {
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
            }
            String marks = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
            return Jdbc.query(c, "SELECT " + SUMMARY_COLUMNS + " FROM patients WHERE id IN (" + marks + ")" + ORDER
                    + " LIMIT ?", ps -> bind(ps, new ArrayList<>(ids), limit), JdbcPatientRepository::summary);
        });
    }

    /**
     * The conditions on {@code patient_name_prefixes t} for a query with name words (longest first); adds
     * their arguments. The first word selects rows by its {@link NamePrefixes#key}; a word longer than a
     * stored prefix is then checked against the patient's tokens, a shorter one against its prefixes.
     */
    private static String prefixFilter(PatientQuery query, List<String> words, List<Object> args) {
        String driver = words.get(0);
        StringBuilder where = new StringBuilder("t.prefix = ?");
        args.add(NamePrefixes.key(driver));
        if (!NamePrefixes.isWhole(driver)) {
            where.append(" AND ").append(tokenCheck(driver, args));
        }
        for (String other : words.subList(1, words.size())) {
            where.append(" AND ");
            if (NamePrefixes.isWhole(other)) {
                where.append("EXISTS (SELECT 1 FROM patient_name_prefixes o WHERE o.patient_id = t.patient_id"
                        + " AND o.prefix = ?)");
                args.add(other);
            } else {
                where.append(tokenCheck(other, args));
            }
        }
        query.birthDate().ifPresent(d -> {
            where.append(" AND t.birth_date = ?");
            args.add(d);
        });
        query.mrnPrefix().ifPresent(m -> {
            where.append(" AND EXISTS (SELECT 1 FROM patients p WHERE p.id = t.patient_id AND p.mrn LIKE ? ESCAPE '\\')");
            args.add(mrnPattern(m));
        });
        return where.toString();
    }

    /** "Some token of patient {@code t} starts with {@code word}", through the (patient_id, token) key. */
    private static String tokenCheck(String word, List<Object> args) {
        args.add(Jdbc.likePrefix(word));
        return "EXISTS (SELECT 1 FROM patient_name_tokens o WHERE o.patient_id = t.patient_id"
                + " AND o.token LIKE ? ESCAPE '\\')";
    }

    /** MRN and birth date only: through the patients table's own indexes. */
    private List<PatientSummary> searchPatients(PatientQuery query, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM patients WHERE TRUE");
        List<Object> args = new ArrayList<>();
        query.mrnPrefix().ifPresent(m -> {
            sql.append(" AND mrn LIKE ? ESCAPE '\\'");
            args.add(mrnPattern(m));
        });
        query.birthDate().ifPresent(d -> {
            sql.append(" AND birth_date = ?");
            args.add(d);
        });
        sql.append(ORDER).append(" LIMIT ?");
        return Jdbc.run(tx, "search patients", c -> Jdbc.query(c, sql.toString(), ps -> bind(ps, args, limit),
                JdbcPatientRepository::summary));
    }

    private static String mrnPattern(String mrn) {
        return Jdbc.likePrefix(mrn.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** Binds {@code args} in order, then {@code limit} unless it is negative. */
    private static void bind(PreparedStatement ps, List<Object> args, int limit) throws SQLException {
        int i = 1;
        for (Object arg : args) {
            ps.setObject(i++, arg);
        }
        if (limit >= 0) {
            ps.setInt(i, limit);
        }
    }

    /** A search candidate's sort key as the token index holds it. */
    private record Key(UUID id, String family, String given, LocalDate born) {
        static Key of(ResultSet rs) throws SQLException {
            return new Key(Jdbc.uuid(rs, "patient_id"), rs.getString("family_folded"), rs.getString("given_folded"),
                    Jdbc.date(rs, "birth_date"));
        }
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
