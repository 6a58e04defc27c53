/**
 * The one reader of the tab-separated table files Outpost bundles for its clinical engines (CPIC gene tables,
 * renal dose rules, dose limits, interactions, medicines by class, allergy cross-reactivity, the warfarin label
 * table): {@link org.outpost.app.table.TableFile}. It knows the file layout only; what a cell means stays with
 * the table that owns it. Depends on no feature package, so every feature package may use it.
 */
package org.outpost.app.table;
