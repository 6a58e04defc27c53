/**
 * De-identification on the device, before anything leaves: the HIPAA Safe Harbor method (45 CFR 164.514(b)(2); HHS
 * OCR guidance of 26 November 2012) turns a chart into a {@link org.outpost.sync.deid.DeidentifiedSummary} — a type
 * that can hold only de-identified values — with an HMAC pseudonym under the site secret, years instead of dates,
 * "90 or older", three-digit ZIP codes with the restricted areas as {@code 000} (a data file with its source and
 * version), and codes instead of free text. A {@link org.outpost.sync.deid.KAnonymityGate} then holds back records
 * whose (birth-year band, gender, ZIP3) group at the site is smaller than k. Knows nothing of FHIR.
 */
package org.outpost.sync.deid;
