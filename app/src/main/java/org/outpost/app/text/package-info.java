/**
 * Clinical texts behind message keys: input descriptions, not-applicable reasons and the name and date patterns
 * the app formats, resolved per {@link java.util.Locale} from the {@code org/outpost/app/clinical} bundle so a
 * second language is a translation, not a rewrite.
 */
package org.outpost.app.text;
