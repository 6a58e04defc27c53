package org.outpost.app.port;

import java.time.Duration;

/**
 * What a data-key rotation did, for the administrator and the audit log: counts and sizes only, never key
 * material.
 *
 * @param generation    the new data key's generation (1 was the database's first key)
 * @param usersResealed how many active users were given the new key
 * @param databaseBytes size of the re-encrypted database file
 * @param took          wall time of the whole rotation
 */
public record KeyRotationReport(int generation, int usersResealed, long databaseBytes, Duration took) {
}
