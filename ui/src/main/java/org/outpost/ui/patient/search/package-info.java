/** Finding a patient by name prefixes, record number or date of birth; the home screen after sign-in. */
package org.outpost.ui.patient.search;
