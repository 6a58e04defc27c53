-- Clinicians' decisions on model results (acknowledged, accepted into the plan, overridden with a reason),
-- kept with the model version and the canonical inputs they were made on (DecisionInputs: name=value;...).
-- V3 because V2 is taken by another change in flight. Never edit once released.
CREATE TABLE decisions (
    id             UUID          NOT NULL PRIMARY KEY,
    -- insertion order (one writer), so "newest" is exact even when two decisions share a clock tick
    seq            BIGINT        GENERATED ALWAYS AS IDENTITY NOT NULL UNIQUE,
    patient_id     UUID          NOT NULL,
    model_id       VARCHAR(64)   NOT NULL,
    model_version  VARCHAR(32)   NOT NULL,
    inputs         VARCHAR(4000) NOT NULL,
    result_value   DOUBLE PRECISION,  -- "value" is a reserved word in H2
    category       VARCHAR(100),
    kind           VARCHAR(24)   NOT NULL,
    reason         VARCHAR(2000) NOT NULL,
    username       VARCHAR(64)   NOT NULL,
    decided_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT decisions_patient FOREIGN KEY (patient_id) REFERENCES patients (id),
    CONSTRAINT decisions_kind_known CHECK (kind IN ('ACKNOWLEDGED', 'ACCEPTED_INTO_PLAN', 'OVERRIDDEN')),
    CONSTRAINT decisions_override_reason CHECK (kind <> 'OVERRIDDEN' OR LENGTH(TRIM(reason)) > 0)
);
CREATE INDEX decisions_patient_model ON decisions (patient_id, model_id, seq);
