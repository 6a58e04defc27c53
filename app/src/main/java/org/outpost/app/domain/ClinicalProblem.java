package org.outpost.app.domain;

/**
 * The diagnoses risk and dosing models ask about, as concepts: a problem-list entry is coded in SNOMED CT or ICD-10,
 * and the bundled problem catalogue says which codes mean which concept. A model input that stands for one
 * (e.g. CHA₂DS₂-VASc's "congestive heart failure") is then answered from the problem list.
 *
 * <p>Some concepts are conditions the patient has <em>now</em> (only an {@linkplain ConditionStatus#ACTIVE active}
 * entry counts); others are <em>history</em> — a stroke resolved ten years ago is still "prior stroke" to
 * CHA₂DS₂-VASc and HAS-BLED — and any entry counts whatever its status.
 */
public enum ClinicalProblem {
    /** Diabetes mellitus of unstated type. */
    DIABETES(false),
    DIABETES_TYPE_1(false),
    DIABETES_TYPE_2(false),
    ATRIAL_FIBRILLATION(false),
    /** Atrial fibrillation's valvular causes: moderate–severe mitral stenosis or a mechanical heart valve. */
    VALVULAR_HEART_DISEASE(false),
    HYPERTENSION(false),
    /** Chronic kidney disease stage 3 to 5 (eGFR below 60 for three months or more). */
    CHRONIC_KIDNEY_DISEASE(false),
    /** Kidney failure treated by dialysis or a kidney transplant. */
    RENAL_REPLACEMENT(false),
    HEART_FAILURE(false),
    /** Stroke, ischaemic or haemorrhagic: history. */
    STROKE(true),
    /** Transient ischaemic attack: history. */
    TIA(true),
    /** Major bleeding, or a predisposition to bleed: history. */
    MAJOR_BLEEDING(true),
    /** Myocardial infarction: history. */
    MYOCARDIAL_INFARCTION(true),
    /** Peripheral arterial disease: history. */
    PERIPHERAL_ARTERY_DISEASE(true),
    /** Coronary heart disease (angina, ischaemic heart disease). */
    CORONARY_HEART_DISEASE(true),
    /** Chronic liver disease such as cirrhosis. */
    LIVER_DISEASE(false),
    RHEUMATOID_ARTHRITIS(false),
    SYSTEMIC_LUPUS_ERYTHEMATOSUS(false),
    MIGRAINE(false),
    /** Schizophrenia, bipolar disorder or moderate–severe depression (QRISK3's definition). */
    SEVERE_MENTAL_ILLNESS(false),
    ERECTILE_DYSFUNCTION(false);

    private final boolean history;

    ClinicalProblem(boolean history) {
        this.history = history;
    }

    /** Whether any entry counts, active or not (a past event); otherwise only an active one. */
    public boolean isHistory() {
        return history;
    }

    /** Whether {@code condition}, once known to mean this concept, counts: active, or any status for history. */
    public boolean counts(Condition condition) {
        return history || condition.isActive();
    }
}
