/**
 * The contract every bundled clinical model keeps: a {@link org.outpost.app.model.ModelRef} (id, version,
 * source), typed {@link org.outpost.app.model.InputSpec}s, and an {@link org.outpost.app.model.Evaluation}
 * that is either a value with contributions and a category, or "not applicable" with reasons.
 */
package org.outpost.app.model;
