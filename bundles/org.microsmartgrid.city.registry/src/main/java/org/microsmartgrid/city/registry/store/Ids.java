package org.microsmartgrid.city.registry.store;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Stable location ids for modules: the same account and client id always give the same 36-character id (OCPI). */
final class Ids {

    private Ids() {
    }

    static String locationOf(String account, String clientId) {
        return UUID.nameUUIDFromBytes(("msg-module:" + account + "/" + clientId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
