/**
 * Use cases: what a user does with the record, on behalf of a {@link org.outpost.app.usecase.Session},
 * through the {@link org.outpost.app.port.Store} port. The desktop screens and the admin command line
 * both call these; neither has its own copy of the rules.
 */
package org.outpost.app.usecase;
