-- Row integrity (issue 10): H2's CIPHER=AES has no authentication, so a flipped byte inside a value
-- decrypts to a wrong value silently. Every clinical row, and every account, carries an HMAC-SHA256 of its
-- table, and of each column's name and value in a canonical encoding (RowSeal), under a key derived from the
-- data key. Flyway cannot know the key: rows written before V6 are sealed from Java at the next unlock
-- (RowSeals.sealExisting), once, and row_seal_state records that it was done. Never edit once released.
ALTER TABLE users ADD COLUMN row_mac BINARY(32);
ALTER TABLE patients ADD COLUMN row_mac BINARY(32);
ALTER TABLE allergies ADD COLUMN row_mac BINARY(32);
ALTER TABLE encounters ADD COLUMN row_mac BINARY(32);
ALTER TABLE observations ADD COLUMN row_mac BINARY(32);
ALTER TABLE medications ADD COLUMN row_mac BINARY(32);
ALTER TABLE genotypes ADD COLUMN row_mac BINARY(32);
ALTER TABLE decisions ADD COLUMN row_mac BINARY(32);
ALTER TABLE medication_orders ADD COLUMN row_mac BINARY(32);
ALTER TABLE order_alerts ADD COLUMN row_mac BINARY(32);
ALTER TABLE order_reviews ADD COLUMN row_mac BINARY(32);
ALTER TABLE site_secret ADD COLUMN row_mac BINARY(32);

-- FALSE until the rows that existed before V6 have been sealed; from then on a row without a MAC is damaged.
CREATE TABLE row_seal_state (
    id      INT     NOT NULL PRIMARY KEY,
    sealed  BOOLEAN NOT NULL,
    CONSTRAINT row_seal_state_single CHECK (id = 1)
);
INSERT INTO row_seal_state (id, sealed) VALUES (1, FALSE);
