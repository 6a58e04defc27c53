/**
 * FHIR R4 through HAPI FHIR, on the de-identified side only: {@link org.outpost.sync.fhir.FhirSummaryBuilder} turns
 * a {@link org.outpost.sync.deid.DeidentifiedSummary} into the transaction Bundle that is sent (stable ids, PUT
 * entries, years only, codes only), and {@link org.outpost.sync.fhir.FhirBundleReader} reads a FHIR file into the
 * app's chart for the {@code admin deid} command. Every resource is a HAPI model object; no JSON is written by hand.
 */
package org.outpost.sync.fhir;
