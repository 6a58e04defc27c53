/**
 * The chart's monitoring tab (issue 15): home and wearable series against the patient's own baseline, down-sampled
 * for display, with the flags a clinician confirms or dismisses.
 */
package org.outpost.ui.chart.monitoring;
