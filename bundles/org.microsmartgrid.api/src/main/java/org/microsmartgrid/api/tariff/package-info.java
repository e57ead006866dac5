/**
 * Time-of-use tariff bands (ARERA F1/F2/F3) as a service: the balancer plans with them and the charging sessions
 * price energy with them, each asking the calendar directly rather than one reading the other's last decision.
 */
@Export
@Version("1.0.0")
package org.microsmartgrid.api.tariff;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
