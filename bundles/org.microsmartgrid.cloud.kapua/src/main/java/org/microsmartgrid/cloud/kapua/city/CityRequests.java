package org.microsmartgrid.cloud.kapua.city;

import java.util.List;

import org.microsmartgrid.api.cloud.KuraRequest;
import org.microsmartgrid.api.cloud.KuraResponse;
import org.microsmartgrid.api.cloud.RequestHandler;

/**
 * The city's requests (app id CITY-V1, docs/cloud-management.md), each to its handler: {@code EXEC faults} (a driver's
 * fault report), {@code EXEC door} (a code typed on the city's "I am at the door" page), {@code EXEC door-code}
 * (the point's owner issues a courier code from the city) and {@code EXEC start} (a driver starting a session from
 * the city's map). Anything else is a 404.
 */
public final class CityRequests implements RequestHandler {

    private final CityFaultHandler faults;
    private final CityDoorHandler doors;
    private final CityDoorCodeHandler doorCodes;
    private final CityStartHandler starts;

    public CityRequests(CityFaultHandler faults, CityDoorHandler doors) {
        this(faults, doors, null, null);
    }

    public CityRequests(CityFaultHandler faults, CityDoorHandler doors, CityDoorCodeHandler doorCodes) {
        this(faults, doors, doorCodes, null);
    }

    /**
     * @param doorCodes {@code EXEC door-code}, the point's owner issuing a courier code; null: none (404)
     * @param starts    {@code EXEC start}, a driver starting a session from the city's map; null: none (404)
     */
    public CityRequests(CityFaultHandler faults, CityDoorHandler doors, CityDoorCodeHandler doorCodes,
                        CityStartHandler starts) {
        this.faults = faults;
        this.doors = doors;
        this.doorCodes = doorCodes;
        this.starts = starts;
    }

    @Override
    public String appId() {
        return CityFaultHandler.APP_ID;
    }

    @Override
    public KuraResponse handle(KuraRequest request) {
        if (KuraRequest.EXEC.equals(request.method()) && List.of("door").equals(request.resources()))
            return doors.handle(request);
        if (doorCodes != null && KuraRequest.EXEC.equals(request.method()) && List.of("door-code").equals(request.resources()))
            return doorCodes.handle(request);
        if (KuraRequest.EXEC.equals(request.method()) && List.of("faults").equals(request.resources()))
            return faults.handle(request);
        if (starts != null && KuraRequest.EXEC.equals(request.method()) && List.of("start").equals(request.resources()))
            return starts.handle(request);
        return KuraResponse.notFound(CityFaultHandler.APP_ID + " serves EXEC faults, door, door-code and start only, not "
                + request.method() + " " + String.join("/", request.resources()));
    }
}
