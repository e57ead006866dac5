package org.microsmartgrid.coap.server;

import java.util.List;
import org.eclipse.californium.core.CoapResource;
import org.microsmartgrid.coap.state.BuildingPacks;

/**
 * /building: /building/doors (observable door states), /building/alarms (observable alarms and arming), and for
 * read-write identities only /building/access (POST: try a code at a door) and /building/codes (POST: issue one).
 */
final class BuildingResources {
    final CoapResource root = new CoapResource("building");
    final LiveResource doors;
    final LiveResource alarms;

    BuildingResources(CoapContext context) {
        root.getAttributes().setTitle("building services: doors, alarms");
        doors = new LiveResource("doors", "msg.building.doors", context,
                () -> BuildingPacks.doors(context.sources(), context.clock().instant()));
        alarms = new LiveResource("alarms", "msg.building.alarms", context,
                () -> BuildingPacks.alarms(context.sources(), context.clock().instant()));
        root.add(doors);
        root.add(alarms);
        root.add(new AccessResource(context));
        root.add(new CodesResource(context));
    }

    List<LiveResource> live() {
        return List.of(doors, alarms);
    }
}
