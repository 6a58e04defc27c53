/**
 * Entry points of the desktop app: the launcher, the composition root {@link org.outpost.ui.OutpostApp}
 * with its options, and the choice of data directory. Features live in sub-packages, each with its view
 * and view model side by side.
 */
package org.outpost.ui;
