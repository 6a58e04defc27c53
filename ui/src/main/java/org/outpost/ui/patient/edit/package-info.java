/** Registering and editing patients, with field-level validation and the likely-duplicate review. */
package org.outpost.ui.patient.edit;
