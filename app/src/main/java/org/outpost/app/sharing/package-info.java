/**
 * Values of de-identified sharing (issue 12) that the store keeps and the sync module reads: the outbox's
 * entries and counts, what was sent, the sync settings (server, bearer token, k for k-anonymity, site-level
 * genotype sharing), the site secret behind pseudonyms and the quasi-identifiers the k-anonymity gate groups by.
 * Nothing here sends anything: the store keeps these, the sync module acts on them.
 */
package org.outpost.app.sharing;
