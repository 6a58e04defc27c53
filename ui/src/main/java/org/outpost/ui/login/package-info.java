/**
 * Getting in: the first-run setup that creates the encrypted database and its administrator, and the
 * sign-in form that unlocks it (also shown over locked work).
 */
package org.outpost.ui.login;
