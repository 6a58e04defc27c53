/** The signed-in user's own account: changing one's password. */
package org.outpost.ui.account;
