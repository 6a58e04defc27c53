/**
 * Reading results as a clinician does (issue 14): the adult reference range and critical limits of each measure
 * ({@link org.outpost.app.results.ReferenceRanges}, a cited table file), the flag a value earns against them
 * ({@link org.outpost.app.results.ResultFlag}) and the one unit this site shows each measure in
 * ({@link org.outpost.app.results.ResultUnits}).
 */
package org.outpost.app.results;
