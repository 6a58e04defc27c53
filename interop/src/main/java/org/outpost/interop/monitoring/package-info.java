/**
 * Monitored series from files: Fitbit heart-rate exports, Dexcom G6 / Clarity CGM exports, Outpost's generic CSV and
 * FHIR R4 Observations ({@link org.outpost.interop.monitoring.SeriesFiles}). Streaming, unit-normalised, checked
 * against each measure's plausible range; a malformed file is refused whole with a message naming the line or entry.
 * The file format is documented in {@code docs/monitoring-import.md}.
 */
package org.outpost.interop.monitoring;
