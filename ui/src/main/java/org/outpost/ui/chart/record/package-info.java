/** Recording vitals and lab results in a chart: per-field checks with their messages, unit choice, all-or-nothing save. */
package org.outpost.ui.chart.record;
