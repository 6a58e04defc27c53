-- Issue 12, what was sent, kept smaller: a de-identified summary is ~40 KB of FHIR JSON (a few years of vitals and
-- labs), and the database kept one per consenting patient as text, about 0.4 GB per 10,000 patients, every byte of
-- it encrypted, sealed and read back. The same bytes DEFLATE-compressed (RFC 1950, java.util.zip) take about a
-- tenth. New rows keep the compressed bundle in bundle_deflated and NULL in bundle; rows written before this
-- version keep their text, and their MACs (SealedTable: "bundle_deflated?" is left out of the MAC when NULL).
-- Exactly one of the two holds the bundle. Never edit once released.
ALTER TABLE sent_summaries ALTER COLUMN bundle SET NULL;
ALTER TABLE sent_summaries ADD COLUMN bundle_deflated VARBINARY(4000000);
ALTER TABLE sent_summaries ADD CONSTRAINT sent_summaries_one_bundle
    CHECK ((bundle IS NULL) <> (bundle_deflated IS NULL));
