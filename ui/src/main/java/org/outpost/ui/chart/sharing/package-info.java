/**
 * The chart's sharing consent (issue 12): one line in the header saying what leaves this machine for the patient
 * (nothing, de-identified summaries, summaries and genotypes; who recorded it and when; when it was withdrawn),
 * and a small editor to give, refuse or withdraw it, which says how many waiting summaries a withdrawal stopped;
 * and "What was sent": the exact de-identified bundle the server last confirmed for the patient, and when.
 */
package org.outpost.ui.chart.sharing;
