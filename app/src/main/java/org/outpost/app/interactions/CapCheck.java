package org.outpost.app.interactions;

/** How a dose of the capped drug compares with the most an interaction allows. */
public enum CapCheck {
    /** The interaction sets no dose cap. */
    NO_CAP,
    /** The dose, as a daily (or weekly) total, is at or below the cap. */
    WITHIN,
    /** The dose is above the cap: one dose alone, or the total in a day (or week). */
    EXCEEDS,
    /** The dose cannot be compared: its unit is not a mass, or its frequency is not one Outpost can read. */
    UNKNOWN
}
