package org.outpost.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.outpost.app.domain.PatientId;
import org.outpost.app.monitoring.Deviation;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.MonitoringFlag;
import org.outpost.app.monitoring.Reading;
import org.outpost.app.monitoring.SeriesExtent;
import org.outpost.app.port.MonitoringRepository;
import org.outpost.app.port.StoreException;

/**
 * Monitored series in {@code monitoring_days} (V16): one sealed row per patient, measure and UTC day holding that
 * day's readings packed by {@link PackedReadings}; adding readings to a day unpacks it, merges (a reading at a second
 * already stored is a duplicate and the stored value stays) and packs it again. Flags in {@code monitoring_flags}.
 * Neither is part of the de-identified summary, so writing them does not queue the patient for sync.
 */
public final class JdbcMonitoring implements MonitoringRepository {
    private static final long SECONDS_PER_DAY = 86_400;
    private static final String DAY_KEY = "patient_id = ? AND measure = ? AND reading_day = ?";

    private final Tx tx;

    public JdbcMonitoring(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    @Override
    public int add(PatientId patient, Measure measure, List<Reading> readings) {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(measure, "measure");
        tx.requireWritable();
        if (readings.isEmpty()) {
            return 0;
        }
        long[] seconds = new long[readings.size()];
        long[] steps = new long[readings.size()];
        Integer[] order = new Integer[readings.size()];
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            if (!measure.plausible(r.value())) {
                throw new IllegalArgumentException(measure.code() + " " + r.value() + " " + measure.unit()
                        + " is not a plausible reading");
            }
            seconds[i] = r.at().getEpochSecond();
            steps[i] = Math.round(r.value() / measure.resolution());
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(seconds[a], seconds[b]));
        // split the sorted readings by UTC day; within the batch the first reading of a second wins
        TreeMap<Long, int[]> days = new TreeMap<>();
        int start = 0;
        while (start < order.length) {
            long day = Math.floorDiv(seconds[order[start]], SECONDS_PER_DAY);
            int end = start;
            while (end < order.length && Math.floorDiv(seconds[order[end]], SECONDS_PER_DAY) == day) {
                end++;
            }
            days.put(day, new int[] {start, end});
            start = end;
        }
        return Jdbc.run(tx, "save monitored readings", c -> {
            int added = 0;
            for (var e : days.entrySet()) {
                int from = e.getValue()[0];
                int to = e.getValue()[1];
                long[] inSeconds = new long[to - from];
                long[] inSteps = new long[to - from];
                int n = 0;
                for (int i = from; i < to; i++) {
                    long s = seconds[order[i]];
                    if (n > 0 && inSeconds[n - 1] == s) {
                        continue;
                    }
                    inSeconds[n] = s;
                    inSteps[n] = steps[order[i]];
                    n++;
                }
                added += mergeDay(c, patient, measure, LocalDate.ofEpochDay(e.getKey()), inSeconds, inSteps, n);
            }
            return added;
        });
    }

    private int mergeDay(Connection c, PatientId patient, Measure measure, LocalDate day, long[] inSeconds,
                         long[] inSteps, int inCount) throws SQLException {
        Optional<PackedReadings.Day> stored = storedDay(c, patient, measure, day);
        long[] seconds;
        long[] steps;
        int count;
        int added;
        if (stored.isEmpty()) {
            seconds = inSeconds;
            steps = inSteps;
            count = inCount;
            added = inCount;
        } else {
            PackedReadings.Day old = stored.get();
            seconds = new long[old.count() + inCount];
            steps = new long[old.count() + inCount];
            int i = 0;
            int j = 0;
            count = 0;
            added = 0;
            while (i < old.count() || j < inCount) {
                if (j >= inCount || (i < old.count() && old.seconds()[i] <= inSeconds[j])) {
                    if (j < inCount && old.seconds()[i] == inSeconds[j]) {
                        j++; // a duplicate: the stored reading stays
                    }
                    seconds[count] = old.seconds()[i];
                    steps[count++] = old.steps()[i++];
                } else {
                    seconds[count] = inSeconds[j];
                    steps[count++] = inSteps[j++];
                    added++;
                }
            }
            if (added == 0) {
                return 0;
            }
        }
        byte[] packed = PackedReadings.pack(seconds, steps, count);
        long first = seconds[0];
        long last = seconds[count - 1];
        int total = count;
        Jdbc.update(c, "MERGE INTO monitoring_days (patient_id, measure, reading_day, readings, first_second, last_second, "
                + "packed) KEY (patient_id, measure, reading_day) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setObject(1, patient.value());
                    ps.setString(2, measure.name());
                    ps.setObject(3, day);
                    ps.setInt(4, total);
                    ps.setLong(5, first);
                    ps.setLong(6, last);
                    ps.setBytes(7, packed);
                });
        tx.seal().reseal(c, SealedTable.MONITORING_DAYS, DAY_KEY, patient.value(), measure.name(), day);
        return added;
    }

    private Optional<PackedReadings.Day> storedDay(Connection c, PatientId patient, Measure measure, LocalDate day)
            throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + SealedTable.MONITORING_DAYS.select("") + " FROM monitoring_days WHERE "
                + DAY_KEY, ps -> {
                    ps.setObject(1, patient.value());
                    ps.setString(2, measure.name());
                    ps.setObject(3, day);
                }, rs -> {
                    tx.seal().check(SealedTable.MONITORING_DAYS, rs);
                    return unpack(rs.getBytes("packed"), rs.getInt("readings"));
                });
    }

    private static PackedReadings.Day unpack(byte[] packed, int count) {
        try {
            return PackedReadings.unpack(packed, count);
        } catch (IllegalStateException e) {
            throw new StoreException("A day of monitored readings cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Reading> readings(PatientId patient, Measure measure, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return List.of();
        }
        long fromSecond = from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0);
        long toSecond = to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
        LocalDate firstDay = LocalDate.ofEpochDay(Math.floorDiv(fromSecond, SECONDS_PER_DAY));
        LocalDate lastDay = LocalDate.ofEpochDay(Math.floorDiv(toSecond - 1, SECONDS_PER_DAY));
        List<Reading> out = new ArrayList<>();
        Jdbc.run(tx, "read monitored readings", c -> Jdbc.query(c, "SELECT " + SealedTable.MONITORING_DAYS.select("")
                + " FROM monitoring_days WHERE patient_id = ? AND measure = ? AND reading_day BETWEEN ? AND ? "
                + "ORDER BY reading_day",
                ps -> {
                    ps.setObject(1, patient.value());
                    ps.setString(2, measure.name());
                    ps.setObject(3, firstDay);
                    ps.setObject(4, lastDay);
                }, rs -> {
                    tx.seal().check(SealedTable.MONITORING_DAYS, rs);
                    PackedReadings.Day d = unpack(rs.getBytes("packed"), rs.getInt("readings"));
                    for (int i = 0; i < d.count(); i++) {
                        long s = d.seconds()[i];
                        if (s >= fromSecond && s < toSecond) {
                            out.add(new Reading(Instant.ofEpochSecond(s), value(measure, d.steps()[i])));
                        }
                    }
                    return null;
                }));
        return out;
    }

    /** Steps of the resolution back to a value, without binary-fraction noise (70.05, not 70.05000000000001). */
    private static double value(Measure measure, long steps) {
        double v = steps * measure.resolution();
        return Math.round(v * 1e6) / 1e6;
    }

    @Override
    public List<SeriesExtent> extents(PatientId patient) {
        return Jdbc.run(tx, "read the monitored series", c -> Jdbc.query(c, "SELECT measure, SUM(readings) AS n, "
                + "MIN(first_second) AS first_s, MAX(last_second) AS last_s, SUM(OCTET_LENGTH(packed)) AS bytes "
                + "FROM monitoring_days WHERE patient_id = ? GROUP BY measure ORDER BY measure",
                ps -> ps.setObject(1, patient.value()), rs -> new SeriesExtent(measure(rs.getString("measure")),
                        rs.getLong("n"), Instant.ofEpochSecond(rs.getLong("first_s")),
                        Instant.ofEpochSecond(rs.getLong("last_s")), rs.getLong("bytes"))));
    }

    private static Measure measure(String name) {
        try {
            return Measure.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new StoreException("A monitored series names a measure this version does not know", e);
        }
    }

    @Override
    public void insertFlag(MonitoringFlag flag) {
        tx.requireWritable();
        Jdbc.run(tx, "save a monitoring flag", c -> Jdbc.updateSealed(c, tx.seal(),
                SealedTable.MONITORING_FLAGS, flag.id(), "INSERT INTO monitoring_flags (id, patient_id, measure, kind, "
                        + "direction, start_at, end_at, baseline, observed, raised_at, outcome, decided_by, decided_at, "
                        + "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setObject(1, flag.id());
                    ps.setObject(2, flag.patient().value());
                    bindFlag(flag, ps, 3);
                }));
    }

    private static void bindFlag(MonitoringFlag flag, java.sql.PreparedStatement ps, int first) throws SQLException {
        Deviation d = flag.deviation();
        int i = first;
        ps.setString(i++, d.measure().name());
        ps.setString(i++, d.kind().name());
        ps.setString(i++, d.direction().name());
        ps.setObject(i++, d.start());
        ps.setObject(i++, d.end());
        ps.setDouble(i++, d.baseline());
        ps.setDouble(i++, d.observed());
        ps.setObject(i++, flag.raised());
        Optional<MonitoringFlag.Decision> decision = flag.decision();
        ps.setString(i++, decision.map(x -> x.outcome().name()).orElse(null));
        ps.setString(i++, decision.map(MonitoringFlag.Decision::by).orElse(null));
        ps.setObject(i++, decision.map(MonitoringFlag.Decision::at).orElse(null));
        ps.setString(i, decision.flatMap(MonitoringFlag.Decision::note).orElse(null));
    }

    @Override
    public void updateFlag(MonitoringFlag flag) {
        tx.requireWritable();
        int n = Jdbc.run(tx, "save a monitoring flag", c -> Jdbc.updateSealed(c,
                tx.seal(), SealedTable.MONITORING_FLAGS, flag.id(), "UPDATE monitoring_flags SET measure = ?, kind = ?, "
                        + "direction = ?, start_at = ?, end_at = ?, baseline = ?, observed = ?, raised_at = ?, "
                        + "outcome = ?, decided_by = ?, decided_at = ?, note = ? WHERE id = ? AND patient_id = ?", ps -> {
                    bindFlag(flag, ps, 1);
                    ps.setObject(13, flag.id());
                    ps.setObject(14, flag.patient().value());
                }));
        if (n != 1) {
            throw new StoreException("There is no such monitoring flag");
        }
    }

    @Override
    public Optional<MonitoringFlag> findFlag(UUID id) {
        return Jdbc.run(tx, "read a monitoring flag", c -> Jdbc.queryOne(c, "SELECT "
                + SealedTable.MONITORING_FLAGS.select("") + " FROM monitoring_flags WHERE id = ?",
                ps -> ps.setObject(1, id), this::flag));
    }

    @Override
    public List<MonitoringFlag> flags(PatientId patient) {
        return Jdbc.run(tx, "read the monitoring flags", c -> Jdbc.query(c, "SELECT "
                + SealedTable.MONITORING_FLAGS.select("") + " FROM monitoring_flags WHERE patient_id = ? "
                + "ORDER BY start_at, raised_at, id", ps -> ps.setObject(1, patient.value()), this::flag));
    }

    private MonitoringFlag flag(java.sql.ResultSet rs) throws SQLException {
        tx.seal().check(SealedTable.MONITORING_FLAGS, rs);
        Deviation d = new Deviation(measure(rs.getString("measure")), Jdbc.instant(rs, "start_at"),
                Jdbc.instant(rs, "end_at"), Deviation.Kind.valueOf(rs.getString("kind")),
                Deviation.Direction.valueOf(rs.getString("direction")), rs.getDouble("baseline"),
                rs.getDouble("observed"));
        String outcome = rs.getString("outcome");
        Optional<MonitoringFlag.Decision> decision = outcome == null ? Optional.empty()
                : Optional.of(new MonitoringFlag.Decision(MonitoringFlag.Outcome.valueOf(outcome),
                        rs.getString("decided_by"), Jdbc.instant(rs, "decided_at"),
                        Optional.ofNullable(rs.getString("note"))));
        return new MonitoringFlag(Jdbc.uuid(rs, "id"), new PatientId(Jdbc.uuid(rs, "patient_id")), d,
                Jdbc.instant(rs, "raised_at"), decision);
    }

    @Override
    public Map<Measure, DecisionCounts> decisionCounts() {
        Map<Measure, long[]> counts = new EnumMap<>(Measure.class);
        Jdbc.run(tx, "count the decisions on monitoring flags", c -> Jdbc.query(c, "SELECT measure, outcome, "
                + "COUNT(*) AS n FROM monitoring_flags WHERE outcome IS NOT NULL GROUP BY measure, outcome", ps -> { },
                rs -> {
                    long[] cd = counts.computeIfAbsent(measure(rs.getString("measure")), m -> new long[2]);
                    cd[MonitoringFlag.Outcome.valueOf(rs.getString("outcome")) == MonitoringFlag.Outcome.CONFIRMED
                            ? 0 : 1] += rs.getLong("n");
                    return null;
                }));
        Map<Measure, DecisionCounts> out = new EnumMap<>(Measure.class);
        counts.forEach((m, cd) -> out.put(m, new DecisionCounts(cd[0], cd[1])));
        return out;
    }
}
