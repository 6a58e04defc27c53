/** Ports: the interfaces the outer ring (local store, sync) implements for the use cases. */
package org.outpost.app.port;
