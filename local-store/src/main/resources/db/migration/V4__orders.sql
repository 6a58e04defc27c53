-- Medication orders, the alerts the dosing and pharmacogenomic models raised on them, and pharmacists'
-- reviews. Enum columns hold the Java names (stored by name: append, never rename). Never edit once released.

-- Lets an order's foreign key say "this medication, of this patient", so an order can never point at
-- another patient's medication list entry. (id is already the key; the pair adds nothing else.)
ALTER TABLE medications ADD CONSTRAINT medications_id_patient UNIQUE (id, patient_id);

CREATE TABLE medication_orders (
    id             UUID          NOT NULL PRIMARY KEY,
    -- insertion order (one writer), so "oldest" / "newest" are exact even within one clock tick
    seq            BIGINT        GENERATED ALWAYS AS IDENTITY NOT NULL UNIQUE,
    patient_id     UUID          NOT NULL,
    -- the medication list entry the order created
    medication_id  UUID          NOT NULL,
    drug           VARCHAR(200)  NOT NULL,
    amount         DOUBLE PRECISION NOT NULL,
    unit           VARCHAR(32)   NOT NULL,
    frequency      VARCHAR(200)  NOT NULL,
    route          VARCHAR(100)  NOT NULL,
    ordered_by     VARCHAR(64)   NOT NULL,
    ordered_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    status         VARCHAR(24)   NOT NULL,
    CONSTRAINT medication_orders_id_patient UNIQUE (id, patient_id),
    CONSTRAINT medication_orders_patient FOREIGN KEY (patient_id) REFERENCES patients (id),
    CONSTRAINT medication_orders_medication FOREIGN KEY (medication_id, patient_id)
        REFERENCES medications (id, patient_id),
    CONSTRAINT medication_orders_amount_positive CHECK (amount > 0),
    CONSTRAINT medication_orders_status_known CHECK (status IN ('NO_REVIEW_NEEDED', 'AWAITING_REVIEW',
        'SUGGESTION_ACCEPTED', 'DOSE_CHANGED', 'OVERRIDDEN'))
);
-- the pharmacist's queue (status = 'AWAITING_REVIEW', oldest first) and a patient's orders (newest first)
CREATE INDEX medication_orders_status ON medication_orders (status, seq);
CREATE INDEX medication_orders_patient ON medication_orders (patient_id, seq);

-- One row per alert, in the order the check raised them (position 0, 1, ...). patient_id repeats the
-- order's (the foreign key makes them agree) so "what did this patient's prescribers already override"
-- is one index range.
CREATE TABLE order_alerts (
    order_id             UUID          NOT NULL,
    position             INT           NOT NULL,
    patient_id           UUID          NOT NULL,
    model_id             VARCHAR(64)   NOT NULL,
    model_version        VARCHAR(32)   NOT NULL,
    model_title          VARCHAR(200)  NOT NULL,
    severity             VARCHAR(16)   NOT NULL,
    headline             VARCHAR(500)  NOT NULL,
    text                 VARCHAR(4000) NOT NULL,
    strength             VARCHAR(500)  NOT NULL,
    -- the suggested dose: all three or none
    suggested_amount     DOUBLE PRECISION,
    suggested_unit       VARCHAR(32),
    suggested_frequency  VARCHAR(200),
    differs              BOOLEAN       NOT NULL,
    -- model, version, drug and inputs the advice was computed from
    fingerprint          VARCHAR(128)  NOT NULL,
    response             VARCHAR(24)   NOT NULL,
    reason               VARCHAR(2000) NOT NULL,
    CONSTRAINT order_alerts_pk PRIMARY KEY (order_id, position),
    CONSTRAINT order_alerts_order FOREIGN KEY (order_id, patient_id)
        REFERENCES medication_orders (id, patient_id),
    CONSTRAINT order_alerts_severity_known CHECK (severity IN ('LOW', 'MODERATE', 'HIGH')),
    CONSTRAINT order_alerts_response_known CHECK (response IN ('NONE', 'OVERRIDDEN', 'ANSWERED_BEFORE')),
    CONSTRAINT order_alerts_override_reason CHECK (response <> 'OVERRIDDEN' OR LENGTH(TRIM(reason)) > 0),
    CONSTRAINT order_alerts_suggested_whole CHECK (
        (suggested_amount IS NULL AND suggested_unit IS NULL AND suggested_frequency IS NULL)
        OR (suggested_amount > 0 AND suggested_unit IS NOT NULL AND suggested_frequency IS NOT NULL))
);
CREATE INDEX order_alerts_patient_fingerprint ON order_alerts (patient_id, fingerprint);

-- A pharmacist's reviews of an order, in the order they were made (seq).
CREATE TABLE order_reviews (
    seq             BIGINT        GENERATED ALWAYS AS IDENTITY NOT NULL PRIMARY KEY,
    order_id        UUID          NOT NULL,
    action          VARCHAR(24)   NOT NULL,
    -- the dose the order now has: all three or none (none when kept or stopped)
    new_amount      DOUBLE PRECISION,
    new_unit        VARCHAR(32),
    new_frequency   VARCHAR(200),
    reason          VARCHAR(2000) NOT NULL,
    pharmacist      VARCHAR(64)   NOT NULL,
    reviewed_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    -- models and versions the reviewed alerts came from, e.g. "pgx-cpic@2024.1"
    model_versions  VARCHAR(2000) NOT NULL,
    CONSTRAINT order_reviews_order FOREIGN KEY (order_id) REFERENCES medication_orders (id),
    CONSTRAINT order_reviews_action_known CHECK (action IN ('ACCEPT_SUGGESTION', 'CHANGE_DOSE', 'OVERRIDE')),
    CONSTRAINT order_reviews_override_reason CHECK (action <> 'OVERRIDE' OR LENGTH(TRIM(reason)) > 0),
    CONSTRAINT order_reviews_new_dose_whole CHECK (
        (new_amount IS NULL AND new_unit IS NULL AND new_frequency IS NULL)
        OR (new_amount > 0 AND new_unit IS NOT NULL AND new_frequency IS NOT NULL)),
    CONSTRAINT order_reviews_change_has_dose CHECK (action <> 'CHANGE_DOSE' OR new_amount IS NOT NULL)
);
CREATE INDEX order_reviews_order ON order_reviews (order_id, seq);
