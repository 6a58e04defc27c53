/**
 * Reading data that comes from outside Outpost: vendor exports and FHIR R4 resources, turned into the app's own
 * values ({@code monitoring}: monitored series for issue 15). Depends on {@code app} only; never on the store, the
 * screens or JDBC: an importer parses and checks, the caller stores (all or nothing).
 */
package org.outpost.interop;
