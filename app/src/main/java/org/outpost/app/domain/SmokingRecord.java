package org.outpost.app.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * One entry of the patient's smoking history: the status as asked on {@code asOf}, and for a current smoker how
 * many cigarettes a day (QRISK3 grades current smoking by amount). Each new answer is a new record; the latest is
 * the patient's status.
 *
 * @param cigarettesPerDay for a current smoker, when asked: {@value #MIN_PER_DAY}–{@value #MAX_PER_DAY}; empty
 *                         otherwise
 * @param asOf             the day the patient was asked
 */
public record SmokingRecord(UUID id, PatientId patient, SmokingStatus status, OptionalInt cigarettesPerDay,
                            LocalDate asOf, Recorded recorded) {
    /** The fewest cigarettes a day a current smoker can report (a non-daily smoker says 1). */
    public static final int MIN_PER_DAY = 1;
    /** More than this is a typing slip, not a smoker (four packs a day is already extreme). */
    public static final int MAX_PER_DAY = 100;

    public SmokingRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(recorded, "recorded");
        cigarettesPerDay = cigarettesPerDay == null ? OptionalInt.empty() : cigarettesPerDay;
        if (cigarettesPerDay.isPresent()) {
            int n = cigarettesPerDay.getAsInt();
            if (status != SmokingStatus.CURRENT) {
                throw new IllegalArgumentException("Cigarettes a day are recorded only for a current smoker");
            }
            if (n < MIN_PER_DAY || n > MAX_PER_DAY) {
                throw new IllegalArgumentException("Cigarettes a day must be " + MIN_PER_DAY + " to " + MAX_PER_DAY);
            }
        }
    }
}
