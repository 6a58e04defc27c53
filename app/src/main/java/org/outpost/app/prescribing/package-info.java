/**
 * Prescribing: a medication order is checked against every relevant dosing and pharmacogenomic model
 * before it is saved ({@link org.outpost.app.prescribing.PrescribingCheck}); orders whose suggestion
 * differs from what was ordered wait in the pharmacist's review queue
 * ({@link org.outpost.app.usecase.Prescribing}). Answered alerts do not fire again for the same inputs.
 */
package org.outpost.app.prescribing;
