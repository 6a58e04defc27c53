package org.outpost.app.prescribing;

import org.outpost.app.domain.Patient;

/** An order in the pharmacist's queue, with the patient it is for. */
public record ReviewItem(MedicationOrder order, Patient patient) { }
