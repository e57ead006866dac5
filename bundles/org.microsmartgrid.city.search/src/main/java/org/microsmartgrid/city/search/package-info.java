/**
 * The city's in-memory spatial search: the public registry's charging points, found nearest first from a position
 * (within a radius or a bounding box) or grouped into map clusters, filtered on their static facts and on the live
 * status of their EVSEs. Only JDK types; one class to use, {@link org.microsmartgrid.city.search.PointIndex}.
 * Design, query semantics and limits: docs/city-search.md.
 */
@Export
@Version("1.0.0")
package org.microsmartgrid.city.search;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
