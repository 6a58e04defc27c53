/**
 * Monitoring of home and wearable readings (issue 15): summaries of a series as the clinical consensus defines
 * them ({@link org.outpost.app.monitoring.CgmSummary}), each patient's own rolling baseline per measure and the
 * sustained deviations and drifts from it ({@link org.outpost.app.monitoring.MonitoringDetectors}, live through
 * {@link org.outpost.app.monitoring.BaselineTracker}), and the flags a clinician confirms or dismisses. Pure and free
 * of storage and UI.
 */
package org.outpost.app.monitoring;
