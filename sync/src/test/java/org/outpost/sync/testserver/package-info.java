/**
 * Test support for delivery: in-process FHIR R4 servers on loopback (HAPI RestfulServer over an in-memory
 * store by default, the HAPI JPA server on request), a fault-injecting proxy, an in-memory outbox with the
 * outbox's rules, summary fixtures, a throw-away PKI, and the "exactly one current copy" assertion.
 */
package org.outpost.sync.testserver;
