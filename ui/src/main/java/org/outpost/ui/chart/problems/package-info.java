/** The chart's problem list and smoking history: what the risk models read instead of asking again. */
package org.outpost.ui.chart.problems;
