package org.outpost.app.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.outpost.app.domain.PatientId;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.MonitoringFlag;
import org.outpost.app.monitoring.Reading;
import org.outpost.app.monitoring.SeriesExtent;

/** Home and wearable readings, stored compactly per patient, measure and day, and the flags raised on them (issue 15). */
public interface MonitoringRepository {
    /**
     * Adds readings (rounded to the measure's resolution and to the second). A reading at a second that already has
     * one is a duplicate and is not added (the stored value stays).
     *
     * @param readings any order; every value plausible for the measure
     * @return how many were new
     */
    int add(PatientId patient, Measure measure, List<Reading> readings);

    /** The readings in [{@code from}, {@code to}), oldest first. */
    List<Reading> readings(PatientId patient, Measure measure, Instant from, Instant to);

    /** What is stored for each measure the patient has readings of. */
    List<SeriesExtent> extents(PatientId patient);

    void insertFlag(MonitoringFlag flag);

    /** Replaces a flag's deviation and decision. */
    void updateFlag(MonitoringFlag flag);

    Optional<MonitoringFlag> findFlag(UUID id);

    /** The patient's flags, oldest first. */
    List<MonitoringFlag> flags(PatientId patient);

    /** For each measure, the decisions made at this site: how many flags were confirmed and how many dismissed. */
    Map<Measure, DecisionCounts> decisionCounts();

    /** Decisions on flags of one measure. */
    record DecisionCounts(long confirmed, long dismissed) {
        /** The share dismissed, 0–1 (0 with no decisions). */
        public double dismissRate() {
            long n = confirmed + dismissed;
            return n == 0 ? 0 : (double) dismissed / n;
        }
    }
}
