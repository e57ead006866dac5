package org.microsmartgrid.coap;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-client token buckets: a client past its burst gets 4.29 with Max-Age; other clients are not affected. */
class RateLimitTest {

    // one token per 100 s after a burst of 3: the refill cannot matter within a test
    private final Site site = Site.withKeys("rate.limit.per.s", 0.01, "rate.burst", 3);

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    void aFloodingClientGets429WithMaxAgeWhileAnotherIsServed() throws Exception {
        CoapClient flooder = site.clients.plain(site.plain(), "/site");
        for (int i = 0; i < 3; i++) assertEquals(ResponseCode.CONTENT, flooder.get().getCode(), "request " + (i + 1));
        CoapResponse limited = flooder.get();
        assertEquals(ResponseCode.TOO_MANY_REQUESTS, limited.getCode());
        assertTrue(limited.getOptions().getMaxAge() >= 1, "Max-Age tells when to retry");
        // a new source port on the same address is the same client
        assertEquals(ResponseCode.TOO_MANY_REQUESTS, site.clients.plain(site.plain(), "/site").get().getCode());
        // a DTLS identity has its own bucket
        CoapClient bms = site.clients.dtls(site.secure(), "/site", Site.RO_ID, Site.RO_KEY);
        assertEquals(ResponseCode.CONTENT, bms.get().getCode());
    }
}
