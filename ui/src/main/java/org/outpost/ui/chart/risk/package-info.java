/**
 * The chart's risk panel: every bundled model evaluated on inputs resolved from the chart (each with its
 * source), what-ifs that are never saved, and the clinician's decision (acknowledge, accept into plan,
 * override with a reason) stored with its inputs and model version and marked stale when they change.
 */
package org.outpost.ui.chart.risk;
