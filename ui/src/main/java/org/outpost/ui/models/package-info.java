/**
 * What the app computes with, for everyone who signs in: the "Models and content" screen lists every model in
 * force (id, name, version, source) and every clinical table in force (bundled, or from which signed update, and
 * any refused update), and a learned model's card opens in its own window ({@link ModelCardWindow#open}): intended
 * use, training data, held-out metrics with a calibration plot, subgroups with their warnings, the compared
 * algorithms, known limits and provenance.
 */
package org.outpost.ui.models;
