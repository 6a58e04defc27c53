/** The chart's medication review: the active medicines checked against genotype, kidney function, the list. */
package org.outpost.ui.chart.medreview;
