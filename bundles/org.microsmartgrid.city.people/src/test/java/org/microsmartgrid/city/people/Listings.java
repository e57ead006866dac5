package org.microsmartgrid.city.people;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Listing bodies for tests. */
final class Listings {

    private Listings() {
    }

    static JsonObject courtyard() {
        return JsonParser.parseString("""
                {"name": "Cortile di via Larga", "address": "Via Larga 12", "city": "Milano",
                 "latitude": 45.4612345, "longitude": 9.1923456, "operator_type": "PRIVATE_INDIVIDUAL",
                 "location_precision": "STREET", "vehicle_classes": ["EBIKE", "SCOOTER"], "facilities": ["CAFE"],
                 "opening_hours": "Mo-Fr 08:00-20:00", "price": {"kind": "FREE"},
                 "description": "Presa nel cortile, suonare al citofono 3.\\nSocket in the courtyard.",
                 "sockets": [{"connector": "DOMESTIC_F", "power_w": 2300}]}
                """).getAsJsonObject();
    }

    static JsonObject bar() {
        JsonObject o = courtyard();
        o.addProperty("name", "Bar Portico");
        o.addProperty("operator_type", "BUSINESS");
        o.addProperty("location_precision", "EXACT");
        JsonObject price = new JsonObject();
        price.addProperty("kind", "PER_KWH");
        price.addProperty("amount_cents", 30);
        o.add("price", price);
        JsonArray sockets = JsonParser.parseString("""
                [{"connector": "DOMESTIC_L", "power_w": 2000}, {"connector": "IEC_62196_T2", "power_w": 11000}]
                """).getAsJsonArray();
        o.add("sockets", sockets);
        return o;
    }
}
