/**
 * Monitoring of home and wearable readings (issue 15): summaries of a series as the clinical consensus defines
 * them, to be joined by personal baselines and flags. Pure and free of storage and UI.
 */
package org.outpost.app.monitoring;
