/**
 * The chart's results (issue 14): how a result reads (units, reference ranges, flags) and the administrator's
 * choice of the unit each measure is shown in. The results tab itself is {@code org.outpost.ui.chart.ResultsView}.
 */
package org.outpost.ui.chart.results;
