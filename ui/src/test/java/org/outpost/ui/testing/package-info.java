/** Test support: a real encrypted store in a temporary directory, task runners for view-model tests. */
package org.outpost.ui.testing;
