/**
 * A patient's chart: header with allergies in sight, summary, vitals and labs as a table and a trend per
 * measure in its canonical unit, medications, genotypes and encounters.
 */
package org.outpost.ui.chart;
