/** The catalogue of bundled clinical models across engines (risk, dosing). */
package org.outpost.app.catalog;
