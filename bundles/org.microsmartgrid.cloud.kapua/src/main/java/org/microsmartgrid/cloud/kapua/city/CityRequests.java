package org.microsmartgrid.cloud.kapua.city;

import java.util.List;

import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.cloud.RequestHandler;

/**
 * The city's requests (app id CITY-V1, docs/cloud-management.md), each to its handler: {@code EXEC faults} (a driver's
 * fault report), {@code EXEC door} (a code typed on the city's "I am at the door" page) and {@code EXEC door-code}
 * (the point's owner issues a courier code from the city). Anything else is a 404.
 */
public final class CityRequests implements RequestHandler {

    private final CityFaultHandler faults;
    private final CityDoorHandler doors;
    private final CityDoorCodeHandler doorCodes;

    public CityRequests(CityFaultHandler faults, CityDoorHandler doors, CityDoorCodeHandler doorCodes) {
        this.faults = faults;
        this.doors = doors;
        this.doorCodes = doorCodes;
    }

    @Override
    public String appId() {
        return CityFaultHandler.APP_ID;
    }

    @Override
    public KuraResponse handle(KuraRequest request) {
        if (KuraRequest.EXEC.equals(request.method()) && List.of("door").equals(request.resources()))
            return doors.handle(request);
        if (KuraRequest.EXEC.equals(request.method()) && List.of("door-code").equals(request.resources()))
            return doorCodes.handle(request);
        if (KuraRequest.EXEC.equals(request.method()) && List.of("faults").equals(request.resources()))
            return faults.handle(request);
        return KuraResponse.notFound(CityFaultHandler.APP_ID + " serves EXEC faults, door and door-code only, not "
                + request.method() + " " + String.join("/", request.resources()));
    }
}
