/**
 * User-facing text: one {@link org.outpost.ui.text.UiText} per window gives the desktop strings and the
 * domain messages in the user's language, so no screen holds a literal sentence.
 */
package org.outpost.ui.text;
