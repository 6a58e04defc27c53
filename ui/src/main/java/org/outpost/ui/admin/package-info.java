/** The administrator's screen: user accounts and the hash-chained audit log with its verification. */
package org.outpost.ui.admin;
