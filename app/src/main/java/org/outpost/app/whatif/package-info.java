/**
 * What-if scenarios for a risk model: the standard changes a clinician weighs (systolic pressure at target, stopping
 * smoking, starting a statin), proposed for the inputs a model declares as standing for those
 * {@link org.outpost.app.model.Concept}s, where the person is not there already. Only the proposal lives here; the
 * screen names them and runs the model on each.
 */
package org.outpost.app.whatif;
