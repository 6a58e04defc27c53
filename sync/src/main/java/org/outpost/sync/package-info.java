/**
 * Sharing de-identified summaries: Safe Harbor de-identification on the device ({@code deid}), the outbox
 * worker and FHIR R4 transport through HAPI FHIR ({@code transport}). Depends on {@code app} only; never on
 * the store or the screens, which the launcher wires in.
 */
package org.outpost.sync;
