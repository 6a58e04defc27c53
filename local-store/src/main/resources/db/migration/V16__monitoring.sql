-- Issue 15: home and wearable readings (heart rate, CGM glucose, home blood pressure, weight) and the flags raised on
-- them. A year of per-minute heart rate is half a million readings, so readings are not one row each: each row holds
-- one patient's readings of one measure on one UTC day, packed (delta-encoded seconds and values on the measure's
-- resolution, then DEFLATE; see PackedReadings) — about a byte per per-minute reading. readings/first_second/
-- last_second describe the pack so a series' extent is read without unpacking it.
-- monitoring_flags holds the suggestions the detectors raise and the clinician's decision on each.
-- Rows are sealed (row_mac, see SealedTable). Never edit once released.

CREATE TABLE monitoring_days (
    patient_id    UUID            NOT NULL,
    measure       VARCHAR(16)     NOT NULL,
    reading_day   DATE            NOT NULL,
    readings      INT             NOT NULL,
    first_second  BIGINT          NOT NULL,
    last_second   BIGINT          NOT NULL,
    packed        VARBINARY(1000000) NOT NULL,
    row_mac       BINARY(32),
    PRIMARY KEY (patient_id, measure, reading_day),
    CONSTRAINT monitoring_days_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE,
    CONSTRAINT monitoring_days_measure_known CHECK (measure IN ('HEART_RATE', 'GLUCOSE', 'SYSTOLIC_BP',
        'DIASTOLIC_BP', 'WEIGHT')),
    CONSTRAINT monitoring_days_count CHECK (readings BETWEEN 1 AND 86400 AND first_second <= last_second)
);

CREATE TABLE monitoring_flags (
    id            UUID            NOT NULL PRIMARY KEY,
    patient_id    UUID            NOT NULL,
    measure       VARCHAR(16)     NOT NULL,
    kind          VARCHAR(12)     NOT NULL,
    direction     VARCHAR(8)      NOT NULL,
    start_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    end_at        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    baseline      DOUBLE PRECISION NOT NULL,
    observed      DOUBLE PRECISION NOT NULL,
    raised_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    outcome       VARCHAR(10),
    decided_by    VARCHAR(32),
    decided_at    TIMESTAMP(9) WITH TIME ZONE,
    note          VARCHAR(500),
    row_mac       BINARY(32),
    CONSTRAINT monitoring_flags_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE,
    CONSTRAINT monitoring_flags_measure_known CHECK (measure IN ('HEART_RATE', 'GLUCOSE', 'SYSTOLIC_BP',
        'DIASTOLIC_BP', 'WEIGHT')),
    CONSTRAINT monitoring_flags_kind_known CHECK (kind IN ('SUSTAINED', 'DRIFT')),
    CONSTRAINT monitoring_flags_direction_known CHECK (direction IN ('ABOVE', 'BELOW')),
    CONSTRAINT monitoring_flags_outcome_known CHECK (outcome IS NULL OR outcome IN ('CONFIRMED', 'DISMISSED')),
    CONSTRAINT monitoring_flags_decided CHECK ((outcome IS NULL) = (decided_by IS NULL)
        AND (outcome IS NULL) = (decided_at IS NULL) AND (outcome IS NOT NULL OR note IS NULL)),
    CONSTRAINT monitoring_flags_period CHECK (end_at > start_at)
);
CREATE INDEX monitoring_flags_by_patient ON monitoring_flags (patient_id);
CREATE INDEX monitoring_flags_by_measure ON monitoring_flags (measure, outcome);
