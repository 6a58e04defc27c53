-- Outpost local store, schema version 1. Never edit this file once released: add V2__... instead.
-- Times are instants (TIMESTAMP WITH TIME ZONE, nanosecond precision so audit hashes round-trip);
-- days the clinic means as days are DATEs.

CREATE TABLE users (
    username      VARCHAR(32)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(200) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT users_role_known CHECK (role IN ('CLINICIAN', 'PHARMACIST', 'ADMIN'))
);

CREATE TABLE patients (
    id             UUID         NOT NULL PRIMARY KEY,
    mrn            VARCHAR(20)  NOT NULL,
    family_name    VARCHAR(500) NOT NULL,
    given_name     VARCHAR(500) NOT NULL,
    -- lower-case, accent-free copies (PatientQuery.fold) for prefix search
    family_folded  VARCHAR(500) NOT NULL,
    given_folded   VARCHAR(500) NOT NULL,
    sex            VARCHAR(8)   NOT NULL,
    birth_date     DATE         NOT NULL,
    address        VARCHAR(2000) NOT NULL DEFAULT '',
    phone          VARCHAR(100) NOT NULL DEFAULT '',
    consent        VARCHAR(16)  NOT NULL,
    created_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT patients_mrn_unique UNIQUE (mrn),
    CONSTRAINT patients_sex_known CHECK (sex IN ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    CONSTRAINT patients_consent_known CHECK (consent IN ('UNKNOWN', 'GIVEN', 'REFUSED'))
);
CREATE INDEX patients_family_folded ON patients (family_folded, given_folded);
CREATE INDEX patients_given_folded ON patients (given_folded);
CREATE INDEX patients_birth_date ON patients (birth_date);

CREATE TABLE allergies (
    patient_id  UUID          NOT NULL,
    position    INT           NOT NULL,
    substance   VARCHAR(500)  NOT NULL,
    CONSTRAINT allergies_pk PRIMARY KEY (patient_id, position),
    CONSTRAINT allergies_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE
);

CREATE TABLE encounters (
    id              UUID          NOT NULL PRIMARY KEY,
    patient_id      UUID          NOT NULL,
    start_at        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    encounter_type  VARCHAR(100)  NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    clinician       VARCHAR(64)   NOT NULL,
    CONSTRAINT encounters_patient FOREIGN KEY (patient_id) REFERENCES patients (id)
);
CREATE INDEX encounters_patient_start ON encounters (patient_id, start_at);

CREATE TABLE observations (
    id            UUID          NOT NULL PRIMARY KEY,
    patient_id    UUID          NOT NULL,
    loinc         VARCHAR(16)   NOT NULL,
    amount        DOUBLE PRECISION NOT NULL,
    ucum_unit     VARCHAR(32)   NOT NULL,
    effective_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    recorded_by   VARCHAR(64)   NOT NULL,
    CONSTRAINT observations_patient FOREIGN KEY (patient_id) REFERENCES patients (id)
);
CREATE INDEX observations_patient_effective ON observations (patient_id, effective_at);

CREATE TABLE medications (
    id          UUID          NOT NULL PRIMARY KEY,
    patient_id  UUID          NOT NULL,
    name        VARCHAR(500)  NOT NULL,
    rxnorm      VARCHAR(20),
    dose        VARCHAR(200)  NOT NULL,
    route       VARCHAR(100)  NOT NULL,
    frequency   VARCHAR(200)  NOT NULL,
    start_date  DATE          NOT NULL,
    stop_date   DATE,
    CONSTRAINT medications_patient FOREIGN KEY (patient_id) REFERENCES patients (id)
);
CREATE INDEX medications_patient_start ON medications (patient_id, start_date);

CREATE TABLE genotypes (
    id           UUID          NOT NULL PRIMARY KEY,
    patient_id   UUID          NOT NULL,
    gene         VARCHAR(32)   NOT NULL,
    diplotype    VARCHAR(100)  NOT NULL,
    source       VARCHAR(500)  NOT NULL,
    result_date  DATE          NOT NULL,
    CONSTRAINT genotypes_patient FOREIGN KEY (patient_id) REFERENCES patients (id)
);
CREATE INDEX genotypes_patient_date ON genotypes (patient_id, result_date);

-- Append-only, hash-chained. No foreign key to patients: the trail outlives any record.
CREATE TABLE audit_log (
    seq         BIGINT        NOT NULL PRIMARY KEY,
    at          TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    username    VARCHAR(64)   NOT NULL,
    action      VARCHAR(32)   NOT NULL,
    patient_id  UUID,
    detail      VARCHAR(2000) NOT NULL,
    prev_hash   CHAR(64)      NOT NULL,
    hash        CHAR(64)      NOT NULL
);
CREATE INDEX audit_log_patient ON audit_log (patient_id);

-- The newest link of the chain, kept apart so deleting the last rows is noticed too.
CREATE TABLE audit_head (
    id         INT      NOT NULL PRIMARY KEY,
    last_seq   BIGINT   NOT NULL,
    last_hash  CHAR(64) NOT NULL,
    CONSTRAINT audit_head_single CHECK (id = 1)
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- One random value per database, created with it, for keyed pseudonyms later. Never leaves the file.
CREATE TABLE site_secret (
    id          INT          NOT NULL PRIMARY KEY,
    secret      BINARY(32)   NOT NULL,
    created_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT site_secret_single CHECK (id = 1)
);
INSERT INTO site_secret (id, secret) VALUES (1, SECURE_RAND(32));
