-- Issue 11 item 6: allergies in three states. A patient without a row in allergy_status has allergies NOT RECORDED
-- (unknown, never "none"); 'NO_KNOWN_ALLERGIES' says who recorded that and when; 'LIST' has its entries in
-- allergy_entries, each with its reaction, severity and (when known) who recorded it and when.
-- The V1 table allergies (free text) stays only as the source of the upgrade: its rows are sealed under the V6 MAC
-- of their three columns, which Flyway cannot check, so the vault moves them from Java at the next unlock
-- (LegacyAllergies: each patient's rows checked against their MACs, then copied as entries with unknown reaction
-- and severity and deleted). Rows that fail their MAC stay there, reported by verify. Never edit once released.

CREATE TABLE allergy_status (
    patient_id   UUID          NOT NULL PRIMARY KEY,
    status       VARCHAR(24)   NOT NULL,
    recorded_by  VARCHAR(32),
    recorded_at  TIMESTAMP(9) WITH TIME ZONE,
    row_mac      BINARY(32),
    CONSTRAINT allergy_status_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE,
    CONSTRAINT allergy_status_known CHECK (status IN ('NO_KNOWN_ALLERGIES', 'LIST')),
    CONSTRAINT allergy_status_nka_recorded CHECK (status <> 'NO_KNOWN_ALLERGIES'
        OR (recorded_by IS NOT NULL AND recorded_at IS NOT NULL))
);

CREATE TABLE allergy_entries (
    patient_id   UUID          NOT NULL,
    position     INT           NOT NULL,
    substance    VARCHAR(500)  NOT NULL,
    reaction     VARCHAR(500)  NOT NULL,
    severity     VARCHAR(24)   NOT NULL,
    recorded_by  VARCHAR(32),
    recorded_at  TIMESTAMP(9) WITH TIME ZONE,
    row_mac      BINARY(32),
    CONSTRAINT allergy_entries_pk PRIMARY KEY (patient_id, position),
    CONSTRAINT allergy_entries_status FOREIGN KEY (patient_id) REFERENCES allergy_status (patient_id) ON DELETE CASCADE,
    CONSTRAINT allergy_entries_severity_known CHECK (severity IN ('UNKNOWN', 'MILD', 'MODERATE', 'SEVERE',
        'LIFE_THREATENING')),
    CONSTRAINT allergy_entries_recorded_whole CHECK ((recorded_by IS NULL AND recorded_at IS NULL)
        OR (recorded_by IS NOT NULL AND recorded_at IS NOT NULL))
);
