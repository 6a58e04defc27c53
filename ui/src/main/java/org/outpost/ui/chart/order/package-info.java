/** Ordering a medication from the chart: the prescribing check's alerts are shown before the order is saved. */
package org.outpost.ui.chart.order;
