/**
 * JDBC implementations of the app's repository ports and the hash-chained audit log, over one
 * connection and transaction ({@link org.outpost.store.jdbc.Tx}). Prepared statements only; SQL errors
 * become {@link org.outpost.app.port.StoreException}s whose messages never carry patient data.
 */
package org.outpost.store.jdbc;
