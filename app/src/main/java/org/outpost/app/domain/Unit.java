package org.outpost.app.domain;

import java.util.Arrays;
import java.util.Optional;

/** The units Outpost accepts, by their UCUM code and how a clinician writes them. */
public enum Unit {
    MM_HG("mm[Hg]", "mmHg"),
    PER_MIN("/min", "/min"),
    CELSIUS("Cel", "°C"),
    FAHRENHEIT("[degF]", "°F"),
    KG("kg", "kg"),
    LB("[lb_av]", "lb"),
    CM("cm", "cm"),
    INCH("[in_i]", "in"),
    PERCENT("%", "%"),
    MG_PER_DL("mg/dL", "mg/dL"),
    MG_PER_L("mg/L", "mg/L"),
    MMOL_PER_L("mmol/L", "mmol/L"),
    UMOL_PER_L("umol/L", "µmol/L"),
    MMOL_PER_MOL("mmol/mol", "mmol/mol"),
    INR("{INR}", "INR");

    private final String ucum;
    private final String display;

    Unit(String ucum, String display) {
        this.ucum = ucum;
        this.display = display;
    }

    /** The UCUM code, as stored and as sent in FHIR. */
    public String ucum() {
        return ucum;
    }

    /** How the unit is printed for people. */
    public String display() {
        return display;
    }

    /** Finds a unit by UCUM code or by its display text (case-sensitive for UCUM, as UCUM is). */
    public static Optional<Unit> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values())
                .filter(u -> u.ucum.equals(t) || u.display.equalsIgnoreCase(t)
                        || (u == UMOL_PER_L && t.equalsIgnoreCase("µmol/L")))
                .findFirst();
    }

    @Override
    public String toString() {
        return display;
    }
}
