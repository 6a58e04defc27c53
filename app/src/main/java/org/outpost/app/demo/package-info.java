/**
 * Synthetic demonstration data: a deterministic generator of realistic but invented clinic patients
 * (demographics, several years of encounters with vitals and labs, medications, pharmacogenomic results)
 * and a use case that writes them through the {@link org.outpost.app.port.Store} port in batched write
 * transactions. Everything here is made up; no real person's data is used or shipped.
 */
package org.outpost.app.demo;
