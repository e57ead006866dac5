package org.microsmartgrid.status;

import com.google.gson.JsonObject;

/**
 * The "gpio" section: which Pi4J provider drives the relays. A MOCK provider switches nothing, so it is said loudly:
 * relays shown "On" on a Pi set up with the laptop's board file would power no socket.
 */
final class GpioSection {
    private GpioSection() {}

    /** @param provider MOCK, GPIOD or LINUXFS; null when no GPIO chip runs */
    static JsonObject toJson(String provider, String board) {
        JsonObject json = new JsonObject();
        json.add("provider", Json.string(provider));
        json.add("board", Json.string(board));
        boolean mock = "MOCK".equals(provider);
        json.addProperty("mock", mock);
        if (mock) json.addProperty("warning", "GPIO provider MOCK (demo): the relays switch nothing / relè simulati: "
                + "nessuna presa viene comandata");
        return json;
    }
}
