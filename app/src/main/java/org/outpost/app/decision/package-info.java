/**
 * Clinicians' decisions on model results: a {@link org.outpost.app.decision.Decision} (acknowledged, accepted
 * into the plan, or overridden with a reason) is stored with the model version and the canonical inputs it
 * was made on, audited in the same transaction by {@link org.outpost.app.usecase.RiskDecisions}, and is
 * stale once the inputs or the model version differ from the current ones.
 */
package org.outpost.app.decision;
