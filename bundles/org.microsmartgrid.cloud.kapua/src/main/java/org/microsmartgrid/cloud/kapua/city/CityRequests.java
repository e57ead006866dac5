package org.microsmartgrid.cloud.kapua.city;

import java.util.List;

import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.cloud.RequestHandler;

/**
 * The city's requests (app id CITY-V1, docs/cloud-management.md), each to its handler: {@code EXEC faults} (a driver's
 * fault report) and {@code EXEC door} (a code typed on the city's "I am at the door" page). Anything else is a 404.
 */
public final class CityRequests implements RequestHandler {

    private final CityFaultHandler faults;
    private final CityDoorHandler doors;

    public CityRequests(CityFaultHandler faults, CityDoorHandler doors) {
        this.faults = faults;
        this.doors = doors;
    }

    @Override
    public String appId() {
        return CityFaultHandler.APP_ID;
    }

    @Override
    public KuraResponse handle(KuraRequest request) {
        if (KuraRequest.EXEC.equals(request.method()) && List.of("door").equals(request.resources()))
            return doors.handle(request);
        if (KuraRequest.EXEC.equals(request.method()) && List.of("faults").equals(request.resources()))
            return faults.handle(request);
        return KuraResponse.notFound(CityFaultHandler.APP_ID + " serves EXEC faults and EXEC door only, not "
                + request.method() + " " + String.join("/", request.resources()));
    }
}
