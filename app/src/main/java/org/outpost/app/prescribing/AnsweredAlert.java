package org.outpost.app.prescribing;

import java.time.Instant;

/** An alert a prescriber already answered: by whom, when, and how. */
public record AnsweredAlert(String fingerprint, AlertResponse response, String reason, String answeredBy,
                            Instant answeredAt) { }
