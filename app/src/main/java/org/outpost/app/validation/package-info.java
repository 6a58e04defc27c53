/** Input rules shared by the desktop screens and the command line: measurements, passwords, demographics. */
package org.outpost.app.validation;
