/** The pharmacist's review queue: orders whose suggested dose or drug differs from what was ordered. */
package org.outpost.ui.review;
