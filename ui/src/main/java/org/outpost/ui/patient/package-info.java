/** Patient screens: search and registration/editing, each in its own sub-package. */
package org.outpost.ui.patient;
