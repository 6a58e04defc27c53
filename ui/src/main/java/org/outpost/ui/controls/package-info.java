/** Small building blocks shared by the screens: field error display, labelled controls with mnemonics. */
package org.outpost.ui.controls;
