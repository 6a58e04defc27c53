-- Issue 11: a pharmacist may stop an order (the advice is to avoid the drug: stop it, or switch by a new
-- order), and a dose set at review (a change, or an accepted suggestion) goes through the prescribing check
-- again: that check's alerts and the pharmacist's answers are kept with the review. Never edit once released.

ALTER TABLE medication_orders DROP CONSTRAINT medication_orders_status_known;
ALTER TABLE medication_orders ADD CONSTRAINT medication_orders_status_known CHECK (status IN ('NO_REVIEW_NEEDED',
    'AWAITING_REVIEW', 'SUGGESTION_ACCEPTED', 'DOSE_CHANGED', 'OVERRIDDEN', 'STOPPED'));

ALTER TABLE order_reviews DROP CONSTRAINT order_reviews_action_known;
ALTER TABLE order_reviews ADD CONSTRAINT order_reviews_action_known CHECK (action IN ('ACCEPT_SUGGESTION',
    'CHANGE_DOSE', 'OVERRIDE', 'STOP'));

-- An alert cites the table row's source, which for the dose-limit, duplicate-therapy and interaction tables
-- can name a label section and a guideline together (up to ~600 characters), beyond the 200 V4 allowed.
ALTER TABLE order_alerts ALTER COLUMN model_title SET DATA TYPE VARCHAR(1000);

-- One row per alert of the review's check, in the order the check raised them; the columns as order_alerts.
CREATE TABLE order_review_alerts (
    review_seq           BIGINT        NOT NULL,
    position             INT           NOT NULL,
    order_id             UUID          NOT NULL,
    patient_id           UUID          NOT NULL,
    model_id             VARCHAR(64)   NOT NULL,
    model_version        VARCHAR(32)   NOT NULL,
    model_title          VARCHAR(1000) NOT NULL,
    severity             VARCHAR(16)   NOT NULL,
    headline             VARCHAR(500)  NOT NULL,
    text                 VARCHAR(4000) NOT NULL,
    strength             VARCHAR(500)  NOT NULL,
    suggested_amount     DOUBLE PRECISION,
    suggested_unit       VARCHAR(32),
    suggested_frequency  VARCHAR(200),
    differs              BOOLEAN       NOT NULL,
    fingerprint          VARCHAR(128)  NOT NULL,
    response             VARCHAR(24)   NOT NULL,
    reason               VARCHAR(2000) NOT NULL,
    row_mac              BINARY(32),
    CONSTRAINT order_review_alerts_pk PRIMARY KEY (review_seq, position),
    CONSTRAINT order_review_alerts_review FOREIGN KEY (review_seq) REFERENCES order_reviews (seq),
    CONSTRAINT order_review_alerts_order FOREIGN KEY (order_id, patient_id)
        REFERENCES medication_orders (id, patient_id),
    CONSTRAINT order_review_alerts_severity_known CHECK (severity IN ('LOW', 'MODERATE', 'HIGH')),
    CONSTRAINT order_review_alerts_response_known CHECK (response IN ('NONE', 'OVERRIDDEN', 'ANSWERED_BEFORE')),
    CONSTRAINT order_review_alerts_override_reason CHECK (response <> 'OVERRIDDEN' OR LENGTH(TRIM(reason)) > 0),
    CONSTRAINT order_review_alerts_suggested_whole CHECK (
        (suggested_amount IS NULL AND suggested_unit IS NULL AND suggested_frequency IS NULL)
        OR (suggested_amount > 0 AND suggested_unit IS NOT NULL AND suggested_frequency IS NOT NULL))
);
CREATE INDEX order_review_alerts_patient_fingerprint ON order_review_alerts (patient_id, fingerprint);
