-- Issue 12, de-identified sync when connected: the consent to sharing in full, the outbox, what was sent, the sync
-- settings and the site secret behind pseudonyms. Never edit once released.

-- The consent to sharing, part of the patient record: the answer (now also WITHDRAWN), whether genotypes go with the
-- summaries (asked separately; NULL = no, as for every patient before this version), who recorded the answer and
-- when, and who withdrew it and when. All nullable and added later: the row MAC leaves a NULL out, so rows sealed
-- before V11 keep their MACs, while a value is covered (SealedTable: "consent_genotypes?" ...).
ALTER TABLE patients DROP CONSTRAINT patients_consent_known;
ALTER TABLE patients ADD CONSTRAINT patients_consent_known
    CHECK (consent IN ('UNKNOWN', 'GIVEN', 'REFUSED', 'WITHDRAWN'));
ALTER TABLE patients ADD COLUMN consent_genotypes BOOLEAN;
ALTER TABLE patients ADD COLUMN consent_recorded_by VARCHAR(64);
ALTER TABLE patients ADD COLUMN consent_recorded_at TIMESTAMP(9) WITH TIME ZONE;
ALTER TABLE patients ADD COLUMN consent_withdrawn_by VARCHAR(64);
ALTER TABLE patients ADD COLUMN consent_withdrawn_at TIMESTAMP(9) WITH TIME ZONE;
ALTER TABLE patients ADD CONSTRAINT patients_consent_genotypes
    CHECK (consent_genotypes IS NOT TRUE OR consent = 'GIVEN');
ALTER TABLE patients ADD CONSTRAINT patients_consent_recorded_whole
    CHECK ((consent_recorded_by IS NULL) = (consent_recorded_at IS NULL));
ALTER TABLE patients ADD CONSTRAINT patients_consent_unknown_unrecorded
    CHECK (consent <> 'UNKNOWN' OR consent_recorded_by IS NULL);
ALTER TABLE patients ADD CONSTRAINT patients_consent_withdrawn
    CHECK ((consent = 'WITHDRAWN') = (consent_withdrawn_at IS NOT NULL));
ALTER TABLE patients ADD CONSTRAINT patients_consent_withdrawn_whole
    CHECK ((consent_withdrawn_by IS NULL) = (consent_withdrawn_at IS NULL));

-- One coalesced entry per patient whose summary must be (re)sent, written in the transaction of the change that
-- causes it. generation comes from one sequence, so it is unique across the database and only grows: a send is
-- confirmed only while the entry still has the generation that was read. Only patients whose consent is given have
-- an entry. A derived queue, not clinical data: not sealed (verify reads it whole), like the search tables.
CREATE SEQUENCE outbox_generation START WITH 1;
CREATE TABLE outbox (
    patient_id        UUID          NOT NULL PRIMARY KEY,
    generation        BIGINT        NOT NULL,
    first_changed_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    changed_at        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    attempts          INT           NOT NULL DEFAULT 0,
    last_attempt_at   TIMESTAMP(9) WITH TIME ZONE,
    last_error        VARCHAR(500),
    held_back_reason  VARCHAR(500),
    held_back_at      TIMESTAMP(9) WITH TIME ZONE,
    CONSTRAINT outbox_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE,
    CONSTRAINT outbox_attempts CHECK (attempts >= 0),
    CONSTRAINT outbox_held_back_whole CHECK ((held_back_reason IS NULL) = (held_back_at IS NULL))
);
CREATE INDEX outbox_first_changed ON outbox (first_changed_at, patient_id);

-- Per patient, the last de-identified bundle the server confirmed, exactly as sent, with its generation and when:
-- "what was sent". The latest only.
CREATE TABLE sent_summaries (
    patient_id  UUID              NOT NULL PRIMARY KEY,
    generation  BIGINT            NOT NULL,
    bundle      VARCHAR(1000000)  NOT NULL,
    sent_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    row_mac     BINARY(32),
    CONSTRAINT sent_summaries_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE
);
CREATE INDEX sent_summaries_sent_at ON sent_summaries (sent_at);

-- The key of pseudonyms, HMAC-SHA256(secret, patient id): random, made from Java at the first unlock of this version
-- (Flyway cannot seal a row), replaced only by an administrator's rotation. Not V1's site_secret: row MACs derive
-- from that one, and rotating pseudonyms must not touch row integrity.
CREATE TABLE pseudonym_secret (
    id          INT          NOT NULL PRIMARY KEY,
    secret      BINARY(32)   NOT NULL,
    created_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    row_mac     BINARY(32),
    CONSTRAINT pseudonym_secret_single CHECK (id = 1)
);

-- The administrator's sync settings; no row = the defaults (nothing configured, k = 5, genotypes not shared).
-- The bearer token is kept here, inside the encrypted file, and nowhere else.
CREATE TABLE sync_settings (
    id               INT            NOT NULL PRIMARY KEY,
    server_url       VARCHAR(2000),
    bearer_token     VARCHAR(4096),
    k_anonymity      INT            NOT NULL,
    share_genotypes  BOOLEAN        NOT NULL,
    changed_by       VARCHAR(64)    NOT NULL,
    changed_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    row_mac          BINARY(32),
    CONSTRAINT sync_settings_single CHECK (id = 1),
    CONSTRAINT sync_settings_k CHECK (k_anonymity BETWEEN 2 AND 50)
);
