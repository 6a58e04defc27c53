-- Issue 14, name search folds letters Unicode does not decompose (ł, ø, æ, ß …; PatientQuery.FOLDING_VERSION 2).
-- patients.family_folded/given_folded are sealed (row MACs), so Flyway, which has no key, cannot rebuild them:
-- this table records the folding rule the stored folds and the search tables (patient_name_tokens,
-- patient_name_prefixes) were built with, and the first unlock after migrating rebuilds every patient whose folds
-- differ (NameFolding) and then records the new version. Every database before this one used rule 1.
-- Never edit once released.
CREATE TABLE name_folding_state (
    id       INT NOT NULL PRIMARY KEY,
    version  INT NOT NULL,
    CONSTRAINT name_folding_state_single CHECK (id = 1)
);
INSERT INTO name_folding_state (id, version) VALUES (1, 1);
