/**
 * Medicines by class: which therapeutic classes a medicine belongs to, with its WHO ATC codes, so every model
 * and check sees what the patient takes however the chart writes it ("Plavix 75 mg", "clopidogrel") — and the
 * duplicate-therapy check built on it.
 *
 * <p>The classes are <b>data</b>, not code: a versioned tab-separated table ({@code drug-classes.tsv} beside
 * {@link org.outpost.app.medicines.DrugClasses}) that declares the classes, says which of them count as duplicate
 * therapy and how severely (each rule citing its guideline or label), and lists each medicine with its ATC codes,
 * brand names and synonyms, and classes. {@link org.outpost.app.medicines.DrugClasses#load(java.nio.file.Path)}
 * reads an updated copy; a malformed table is refused whole, naming the file and line.
 *
 * <p>{@link org.outpost.app.medicines.DuplicateTherapy} checks an order against the medication list: the same
 * medicine (generic or brand), or two medicines of a duplicate class (two P2Y12 inhibitors, two anticoagulants,
 * two statins). Aspirin with a P2Y12 inhibitor is dual antiplatelet therapy and not a duplicate.
 */
package org.outpost.app.medicines;
