/**
 * The offline drug–drug interaction check: a versioned, cited table of interacting pairs ({@code interactions.tsv},
 * read by {@link org.outpost.app.interactions.InteractionTable}) and what it finds when a drug is ordered for a
 * patient whose chart holds the other drug. Each row names its source (product label and section, or a published
 * list of high-priority interactions); the classes here hold no clinical facts of their own.
 */
package org.outpost.app.interactions;
