/**
 * Background work for the desktop: {@link org.outpost.ui.concurrent.TaskRunner} (JavaFX tasks on an
 * injected executor), debouncing of typed input, and the reporting of unexpected failures with an
 * error id the user can copy.
 */
package org.outpost.ui.concurrent;
