-- The unit each measure is shown in at this site (issue 14): one row a measure, by LOINC code, no row = the
-- measure's canonical unit. Values stay stored as entered; only their display follows this choice. Sealed (row_mac).
-- Numbered 15 so that it does not clash with a V14 written at the same time on another branch.
CREATE TABLE result_units (
    loinc       VARCHAR(16)  NOT NULL PRIMARY KEY,
    ucum_unit   VARCHAR(32)  NOT NULL,
    changed_by  VARCHAR(64)  NOT NULL,
    changed_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    row_mac     BINARY(32)
);
