/** The GUI bench's database: a 100,000-patient data directory the desktop app opens as it is ({@link org.outpost.bench.gui.GuiDatabase}). */
package org.outpost.bench.gui;
