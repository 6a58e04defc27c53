/**
 * The training command for Outpost's learned models (a developer tool in its own module, never shipped):
 * {@link org.outpost.training.TrainCoronaryDiseaseModel} reads the real UCI Cleveland data, compares the candidate
 * {@code Algorithm}s by stratified cross-validation and on a held-out split with {@code Scoring} (AUC, accuracy, Brier
 * score, calibration), and writes the shipped model, its bootstrap ensemble (Tribuo protobuf), its generated model
 * card and its training statistics into app's resources. Everything uses one fixed seed.
 */
package org.outpost.training;
