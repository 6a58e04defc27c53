/** {@code ./outpost bench idle}: the desktop app's CPU use while each main screen sits idle. */
package org.outpost.bench.idle;
