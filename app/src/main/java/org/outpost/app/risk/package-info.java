/**
 * Bundled risk models: cardiovascular (PCE, PREVENT, QRISK3, SCORE2), diabetes (FINDRISC), stroke in atrial
 * fibrillation (CHA₂DS₂-VASc) and bleeding on anticoagulation (HAS-BLED). One class per model, its source in
 * its Javadoc, its published examples in its test.
 */
package org.outpost.app.risk;
