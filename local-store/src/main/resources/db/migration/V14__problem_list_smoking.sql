-- Issue 14 item 1: the problem list (coded conditions) and smoking history, which the risk models read.
-- A condition is coded in SNOMED CT or ICD-10; its status follows FHIR's Condition.clinicalStatus (active, inactive,
-- resolved). problem_list_reviews says who last confirmed a patient's list as complete: only then does a problem's
-- absence count as "no" for the models. smoking_history keeps every answer; the latest is the status.
-- Rows are sealed (row_mac, see SealedTable). Never edit once released.

CREATE TABLE conditions (
    id             UUID          NOT NULL PRIMARY KEY,
    patient_id     UUID          NOT NULL,
    code_system    VARCHAR(16)   NOT NULL,
    code           VARCHAR(24)   NOT NULL,
    display        VARCHAR(200)  NOT NULL,
    onset_date     DATE,
    status         VARCHAR(12)   NOT NULL,
    resolved_date  DATE,
    recorded_by    VARCHAR(32)   NOT NULL,
    recorded_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    row_mac        BINARY(32),
    CONSTRAINT conditions_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE,
    CONSTRAINT conditions_system_known CHECK (code_system IN ('SNOMED_CT', 'ICD_10')),
    CONSTRAINT conditions_status_known CHECK (status IN ('ACTIVE', 'INACTIVE', 'RESOLVED')),
    CONSTRAINT conditions_resolved_only CHECK (resolved_date IS NULL OR status = 'RESOLVED')
);
CREATE INDEX conditions_by_patient ON conditions (patient_id);

CREATE TABLE problem_list_reviews (
    patient_id   UUID          NOT NULL PRIMARY KEY,
    reviewed_by  VARCHAR(32)   NOT NULL,
    reviewed_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    row_mac      BINARY(32),
    CONSTRAINT problem_list_reviews_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE
);

CREATE TABLE smoking_history (
    id                  UUID          NOT NULL PRIMARY KEY,
    patient_id          UUID          NOT NULL,
    status              VARCHAR(8)    NOT NULL,
    cigarettes_per_day  INT,
    as_of               DATE          NOT NULL,
    recorded_by         VARCHAR(32)   NOT NULL,
    recorded_at         TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    row_mac             BINARY(32),
    CONSTRAINT smoking_history_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE,
    CONSTRAINT smoking_history_status_known CHECK (status IN ('NEVER', 'FORMER', 'CURRENT')),
    CONSTRAINT smoking_history_amount CHECK (cigarettes_per_day IS NULL
        OR (status = 'CURRENT' AND cigarettes_per_day BETWEEN 1 AND 100))
);
CREATE INDEX smoking_history_by_patient ON smoking_history (patient_id);
