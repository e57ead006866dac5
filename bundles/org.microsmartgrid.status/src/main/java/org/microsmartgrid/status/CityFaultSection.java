package org.microsmartgrid.status;

import org.microsmartgrid.api.cloud.CityFaultReports;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * The "cityFaults" section: the drivers' fault reports the city told this module about (docs/cloud-management.md,
 * CITY-V1), newest first; null without a cloud link. Ids, kinds and times only: never who reported it.
 */
public final class CityFaultSection {

    private CityFaultSection() {
    }

    public static JsonElement toJson(CityFaultReports reports) {
        if (reports == null) return JsonNull.INSTANCE;
        JsonArray list = new JsonArray();
        try {
            for (CityFaultReports.Report r : reports.recent()) {
                JsonObject json = new JsonObject();
                json.addProperty("faultId", r.faultId());
                json.addProperty("kind", r.kind());
                json.add("reported", Json.time(r.reported()));
                list.add(json);
            }
        } catch (RuntimeException e) {
            return JsonNull.INSTANCE; // the cloud link's bundle is stopping
        }
        return list;
    }
}
