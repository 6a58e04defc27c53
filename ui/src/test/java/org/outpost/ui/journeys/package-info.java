/** Headless TestFX journeys through the real window on a real encrypted store. */
package org.outpost.ui.journeys;
