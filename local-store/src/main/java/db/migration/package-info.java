/**
 * Flyway migrations that need Java (a backfill that must fold names exactly as the application does).
 * Flyway finds them on the same {@code classpath:db/migration} location as the SQL ones; like those,
 * a released migration is never edited.
 */
package db.migration;
