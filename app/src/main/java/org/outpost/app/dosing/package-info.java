/**
 * Bundled renal-function models used for drug dosing and kidney-disease staging: Cockcroft–Gault creatinine
 * clearance and the race-free CKD-EPI 2021 creatinine eGFR. One class per model, its source in its Javadoc,
 * its worked examples in its test.
 */
package org.outpost.app.dosing;
