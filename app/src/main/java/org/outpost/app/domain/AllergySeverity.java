package org.outpost.app.domain;

/**
 * How severe a recorded allergic reaction was, as the clinician judged it. {@link #UNKNOWN} for entries whose
 * severity was never recorded (among them every allergy written before severities existed).
 */
public enum AllergySeverity {
    UNKNOWN, MILD, MODERATE, SEVERE, LIFE_THREATENING
}
