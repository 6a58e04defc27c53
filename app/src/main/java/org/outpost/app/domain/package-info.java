/** Domain values: patients, observations with UCUM units and LOINC codes, users, audit events. */
package org.outpost.app.domain;
