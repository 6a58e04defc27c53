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
import java.time.ZoneOffset;
import java.util.UUID;
import org.outpost.app.domain.AllergyEntry;
import org.outpost.app.domain.AllergySeverity;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.Recorded;
import org.outpost.app.port.DamagedRecordException;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.domain.Sex;
import org.outpost.app.port.PatientRepository;
import org.outpost.app.port.StoreException;
import org.outpost.app.domain.PatientQuery;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.sharing.QuasiIdentifiers;

/**
 * Patients in the {@code patients} table with their allergies in {@code allergy_status} and {@code allergy_entries}
 * (V8; no status row is "not recorded"). Names are also
 * stored folded ({@link PatientQuery#fold}) for ordering, and split into folded words in
 * {@code patient_name_tokens} ({@link NameTokens}) and those words' 1- to 4-letter prefixes, each with
 * the patient's summary, in {@code patient_name_prefixes} ({@link NamePrefixes}), all written in the same
 * transaction, so that each search word, case- and accent-insensitively, can prefix any word of the
 * family or given name, and a search reads its results in display order off one index.
 */
public final class JdbcPatientRepository implements PatientRepository {
    private static final String COLUMNS = "id, mrn, family_name, given_name, sex, birth_date, address, phone, consent, "
            + "consent_genotypes, consent_recorded_by, consent_recorded_at, consent_withdrawn_by, consent_withdrawn_at";
    /** The consent columns (V11), in the order {@link #bindConsent} binds them. */
    private static final String CONSENT_SET = "consent = ?, consent_genotypes = ?, consent_recorded_by = ?, "
            + "consent_recorded_at = ?, consent_withdrawn_by = ?, consent_withdrawn_at = ?";
    /** Every column of a patient row and its MAC, for reads that check it. */
    private static final String SEALED_COLUMNS = SealedTable.PATIENTS.select("");
    /** A new patient row: {@link #bindPatient}, then created_at and updated_at. */
    static final String INSERT = "INSERT INTO patients (" + COLUMNS
            + ", family_folded, given_folded, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SUMMARY_COLUMNS = "id, mrn, family_name, given_name, sex, birth_date";
    private static final String ORDER = " ORDER BY family_folded, given_folded, birth_date, family_name, given_name, id";
    /** Candidate rows read per query when words must be checked one by one: at first, and at most. */
    private static final int MIN_PAGE = 64;
    private static final int MAX_PAGE = 8192;

    private final Tx tx;

    public JdbcPatientRepository(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public void insert(Patient p) {
        tx.requireWritable();
        try {
            Connection c = tx.connection();
            Jdbc.update(c, INSERT,
                    ps -> {
                        int i = bindPatient(ps, p);
                        ps.setObject(i++, tx.now());
                        ps.setObject(i, tx.now());
                    });
            NameTokens.insert(c, p.id().value(), p.familyName(), p.givenName(), p.birthDate());
            NamePrefixes.insert(c, p.id().value(), p.mrn().value(), p.familyName(), p.givenName(), p.sex().name(),
                    p.birthDate());
            insertAllergies(c, p);
            seal(c, p);
            JdbcOutbox.changed(tx, c, p.id().value(), true);
        } catch (SQLException e) {
            if (SqlErrors.isDuplicate(e)) {
                throw new StoreException("The MRN is already in use by another patient");
            }
            throw SqlErrors.translate(e, "save the patient");
        }
    }

    /** Seals the patient's row and allergy rows as stored (same transaction). */
    private void seal(Connection c, Patient p) throws SQLException {
        tx.seal().reseal(c, SealedTable.PATIENTS, "id = ?", p.id().value());
        tx.seal().reseal(c, SealedTable.ALLERGY_STATUS, "patient_id = ?", p.id().value());
        tx.seal().reseal(c, SealedTable.ALLERGY_ENTRIES, "patient_id = ?", p.id().value());
    }

    @Override
    public void update(Patient p) {
        tx.requireWritable();
        try {
            Connection c = tx.connection();
            int n = Jdbc.update(c, "UPDATE patients SET id = ?, mrn = ?, family_name = ?, given_name = ?, sex = ?, "
                    + "birth_date = ?, address = ?, phone = ?, " + CONSENT_SET + ", family_folded = ?, given_folded = ?, "
                    + "updated_at = ? WHERE id = ?", ps -> {
                        int i = bindPatient(ps, p);
                        ps.setObject(i++, tx.now());
                        ps.setObject(i, p.id().value());
                    });
            if (n == 0) {
                throw new StoreException("The patient record no longer exists");
            }
            NameTokens.replace(c, p.id().value(), p.familyName(), p.givenName(), p.birthDate());
            NamePrefixes.replace(c, p.id().value(), p.mrn().value(), p.familyName(), p.givenName(), p.sex().name(),
                    p.birthDate());
            // entries go with their status row (ON DELETE CASCADE); V1 rows, if any were left, are replaced too
            Jdbc.update(c, "DELETE FROM allergy_status WHERE patient_id = ?", ps -> ps.setObject(1, p.id().value()));
            Jdbc.update(c, "DELETE FROM allergies WHERE patient_id = ?", ps -> ps.setObject(1, p.id().value()));
            insertAllergies(c, p);
            seal(c, p);
            JdbcOutbox.changed(tx, c, p.id().value(), true);
        } catch (SQLException e) {
            if (SqlErrors.isDuplicate(e)) {
                throw new StoreException("The MRN is already in use by another patient");
            }
            throw SqlErrors.translate(e, "save the patient");
        }
    }

    @Override
    public void recordConsent(PatientId patient, SharingConsent consent) {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(consent, "consent");
        tx.requireWritable();
        Jdbc.run(tx, "save the consent", c -> {
            int n = Jdbc.updateSealed(c, tx.seal(), SealedTable.PATIENTS, patient.value(), "UPDATE patients SET "
                    + CONSENT_SET + ", updated_at = ? WHERE id = ?", ps -> {
                        int i = bindConsent(ps, 1, consent);
                        ps.setObject(i++, tx.now());
                        ps.setObject(i, patient.value());
                    });
            if (n == 0) {
                throw new StoreException("The patient record no longer exists");
            }
            JdbcOutbox.changed(tx, c, patient.value(), true);
            return null;
        });
    }

    @Override
    public List<QuasiIdentifiers> consentedQuasiIdentifiers() {
        return Jdbc.run(tx, "read consenting patients", c -> Jdbc.query(c, "SELECT " + SEALED_COLUMNS
                + " FROM patients WHERE consent = '" + Consent.GIVEN.name() + "'", ps -> { }, rs -> {
                    tx.seal().check(SealedTable.PATIENTS, rs);
                    return new QuasiIdentifiers(new PatientId(Jdbc.uuid(rs, "id")), Jdbc.date(rs, "birth_date"),
                            Sex.valueOf(rs.getString("sex")), rs.getString("address"));
                }));
    }

    /** Binds the consent columns from {@code i} in {@link #CONSENT_SET}'s order; returns the next index. */
    private static int bindConsent(PreparedStatement ps, int i, SharingConsent consent) throws SQLException {
        ps.setString(i++, consent.summaries().name());
        ps.setBoolean(i++, consent.genotypes());
        ps.setString(i++, consent.recorded().map(Recorded::by).orElse(null));
        ps.setObject(i++, consent.recorded().map(Recorded::at).orElse(null));
        ps.setString(i++, consent.withdrawn().map(Recorded::by).orElse(null));
        ps.setObject(i++, consent.withdrawn().map(Recorded::at).orElse(null));
        return i;
    }

    /** The consent to sharing of the current patient row (V11 columns NULL: recorded before details were kept). */
    private static SharingConsent consent(ResultSet rs) throws SQLException {
        try {
            return new SharingConsent(Consent.valueOf(rs.getString("consent")),
                    Boolean.TRUE.equals(rs.getObject("consent_genotypes", Boolean.class)),
                    recorded(rs, "consent_recorded_by", "consent_recorded_at"),
                    recorded(rs, "consent_withdrawn_by", "consent_withdrawn_at"));
        } catch (IllegalArgumentException e) {
            throw new DamagedRecordException(SealedTable.PATIENTS.table(), RowSeal.rowId(SealedTable.PATIENTS, rs));
        }
    }

    /** Binds id … consent, family_folded, given_folded; returns the next parameter index. */
    static int bindPatient(PreparedStatement ps, Patient p) throws SQLException {
        int i = 1;
        ps.setObject(i++, p.id().value());
        ps.setString(i++, p.mrn().value());
        ps.setString(i++, p.familyName());
        ps.setString(i++, p.givenName());
        ps.setString(i++, p.sex().name());
        ps.setObject(i++, p.birthDate());
        ps.setString(i++, p.address());
        ps.setString(i++, p.phone());
        i = bindConsent(ps, i, p.consent());
        ps.setString(i++, PatientQuery.fold(p.familyName()));
        ps.setString(i++, PatientQuery.fold(p.givenName()));
        return i;
    }

    /** Not recorded: no rows. No known allergies: a status row with who and when. A list: a status row and its entries. */
    static void insertAllergies(Connection c, Patient p) throws SQLException {
        UUID id = p.id().value();
        switch (p.allergies()) {
            case AllergyStatus.NotRecorded n -> { }
            case AllergyStatus.NoKnownAllergies n -> Jdbc.update(c, "INSERT INTO allergy_status (patient_id, status, "
                    + "recorded_by, recorded_at) VALUES (?, 'NO_KNOWN_ALLERGIES', ?, ?)", ps -> {
                        ps.setObject(1, id);
                        ps.setString(2, n.recorded().by());
                        ps.setObject(3, n.recorded().at().atOffset(ZoneOffset.UTC));
                    });
            case AllergyStatus.Listed l -> {
                Jdbc.update(c, "INSERT INTO allergy_status (patient_id, status) VALUES (?, 'LIST')",
                        ps -> ps.setObject(1, id));
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO allergy_entries (patient_id, position, "
                        + "substance, reaction, severity, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    int position = 0;
                    for (AllergyEntry e : l.entries()) {
                        ps.setObject(1, id);
                        ps.setInt(2, position++);
                        ps.setString(3, e.substance());
                        ps.setString(4, e.reaction());
                        ps.setString(5, e.severity().name());
                        ps.setString(6, e.recorded().map(Recorded::by).orElse(null));
                        ps.setObject(7, e.recorded().map(r -> r.at().atOffset(ZoneOffset.UTC)).orElse(null));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        }
    }

    @Override
    public Optional<Patient> find(PatientId id) {
        return Jdbc.run(tx, "read the patient", c -> Jdbc.queryOne(c,
                "SELECT " + SEALED_COLUMNS + " FROM patients WHERE id = ?", ps -> ps.setObject(1, id.value()),
                rs -> withAllergies(c, rs)));
    }

    @Override
    public Optional<Patient> findByMrn(Mrn mrn) {
        return Jdbc.run(tx, "read the patient", c -> Jdbc.queryOne(c,
                "SELECT " + SEALED_COLUMNS + " FROM patients WHERE mrn = ?", ps -> ps.setString(1, mrn.value()),
                rs -> withAllergies(c, rs)));
    }

    @Override
    public List<PatientSummary> search(PatientQuery query, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<String> words = namePrefixes(query);
        if (words.isEmpty()) {
            return searchPatients(query, limit);
        }
        // The longest word drives: its prefix rows, in display order off the covering prefix index. Every
        // other word, and the driving word itself when it is longer than a stored prefix, is checked
        // against each candidate's tokens here (a subquery per candidate costs H2 microseconds each).
        String driver = words.get(0);
        List<String> checked = new ArrayList<>(words.subList(1, words.size()));
        if (!NamePrefixes.isWhole(driver)) {
            checked.add(driver);
        }
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("t.prefix = ?");
        args.add(NamePrefixes.key(driver));
        query.birthDate().ifPresent(d -> {
            where.append(" AND t.birth_date = ?");
            args.add(d);
        });
        query.mrnPrefix().ifPresent(m -> {
            where.append(" AND t.mrn LIKE ? ESCAPE '\\'");
            args.add(mrnPattern(m));
        });
        // ORDER BY starts with t.prefix, a single value here, because H2 reads an index in order (and
        // stops at the limit) only when ORDER BY starts at the index's first column; otherwise it reads
        // every match and sorts.
        String sql = "SELECT t.patient_id AS id, t.mrn, t.family_name, t.given_name, t.sex, t.birth_date,"
                + " t.family_folded, t.given_folded FROM patient_name_prefixes t WHERE " + where
                + " ORDER BY t.prefix, t.family_folded, t.given_folded, t.birth_date, t.family_name, t.given_name,"
                + " t.patient_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        return Jdbc.run(tx, "search patients", c -> {
            if (checked.isEmpty()) {
                return Jdbc.query(c, sql, ps -> bindPage(ps, args, 0, limit), JdbcPatientRepository::summary);
            }
            // Candidates page by page (each page twice the last) until `limit` of them pass or the prefix
            // has no more rows.
            List<PatientSummary> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                long offset = 0;
                int size = (int) Math.min(MAX_PAGE, Math.max(MIN_PAGE, 2L * limit));
                while (true) {
                    bindPage(ps, args, offset, size);
                    int rows = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                            if (NamePrefixes.matchesAll(checked, rs.getString("family_folded"),
                                    rs.getString("given_folded"))) {
                                found.add(summary(rs));
                                if (found.size() == limit) {
                                    return found;
                                }
                            }
                        }
                    }
                    if (rows < size) {
                        return found;
                    }
                    offset += size;
                    size = (int) Math.min(MAX_PAGE, 2L * size);
                }
            }
        });
    }

    /** Binds {@code args} in order, then the page's offset and size. */
    private static void bindPage(PreparedStatement ps, List<Object> args, long offset, int size) throws SQLException {
        int i = 1;
        for (Object arg : args) {
            ps.setObject(i++, arg);
        }
        ps.setLong(i++, offset);
        ps.setInt(i, size);
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

    /** Binds {@code args} in order, then {@code limit}. */
    private static void bind(PreparedStatement ps, List<Object> args, int limit) throws SQLException {
        int i = 1;
        for (Object arg : args) {
            ps.setObject(i++, arg);
        }
        ps.setInt(i, limit);
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
                "SELECT " + SEALED_COLUMNS + " FROM patients WHERE birth_date IN (" + marks + ")" + ORDER, ps -> {
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

    /** The patient of the current row with their allergies; every row checked against its MAC. */
    private Patient withAllergies(Connection c, ResultSet rs) throws SQLException {
        tx.seal().check(SealedTable.PATIENTS, rs);
        PatientId id = new PatientId(Jdbc.uuid(rs, "id"));
        return new Patient(id, new Mrn(rs.getString("mrn")), rs.getString("family_name"), rs.getString("given_name"),
                Sex.valueOf(rs.getString("sex")), Jdbc.date(rs, "birth_date"), rs.getString("address"),
                rs.getString("phone"), consent(rs), allergies(c, id.value()));
    }

    /**
     * The patient's allergy status. No status row is "not recorded". V1 rows left behind (only those that failed
     * their MAC when {@link LegacyAllergies} ran, or before it ran) are checked too, so a damaged one fails the read.
     */
    private AllergyStatus allergies(Connection c, UUID patient) throws SQLException {
        List<String> legacy = Jdbc.query(c,
                "SELECT " + SealedTable.ALLERGIES.select("") + " FROM allergies WHERE patient_id = ? ORDER BY position",
                ps -> ps.setObject(1, patient), a -> {
                    tx.seal().check(SealedTable.ALLERGIES, a);
                    return a.getString("substance");
                });
        Optional<AllergyStatus> status = Jdbc.queryOne(c, "SELECT " + SealedTable.ALLERGY_STATUS.select("")
                + " FROM allergy_status WHERE patient_id = ?", ps -> ps.setObject(1, patient), s -> {
                    tx.seal().check(SealedTable.ALLERGY_STATUS, s);
                    return switch (s.getString("status")) {
                        case "NO_KNOWN_ALLERGIES" -> new AllergyStatus.NoKnownAllergies(recorded(s).orElseThrow());
                        case "LIST" -> {
                            List<AllergyEntry> entries = Jdbc.query(c, "SELECT " + SealedTable.ALLERGY_ENTRIES.select("")
                                    + " FROM allergy_entries WHERE patient_id = ? ORDER BY position",
                                    ps -> ps.setObject(1, patient), e -> {
                                        tx.seal().check(SealedTable.ALLERGY_ENTRIES, e);
                                        return new AllergyEntry(e.getString("substance"), e.getString("reaction"),
                                                AllergySeverity.valueOf(e.getString("severity")), recorded(e));
                                    });
                            if (entries.isEmpty()) {
                                throw new DamagedRecordException(SealedTable.ALLERGY_STATUS.table(), patient.toString());
                            }
                            yield new AllergyStatus.Listed(entries);
                        }
                        default -> throw new DamagedRecordException(SealedTable.ALLERGY_STATUS.table(), patient.toString());
                    };
                });
        if (status.isPresent()) {
            return status.get();
        }
        return AllergyStatus.fromLegacy(legacy);
    }

    private static Optional<Recorded> recorded(ResultSet rs) throws SQLException {
        return recorded(rs, "recorded_by", "recorded_at");
    }

    private static Optional<Recorded> recorded(ResultSet rs, String byColumn, String atColumn) throws SQLException {
        String by = rs.getString(byColumn);
        java.time.OffsetDateTime at = rs.getObject(atColumn, java.time.OffsetDateTime.class);
        return by == null || at == null ? Optional.empty() : Optional.of(new Recorded(by, at.toInstant()));
    }
}
