package org.microsmartgrid.coap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes over CoAPS (DTLS with pre-shared keys, Scandium) reach SiteControl; everything else is refused. */
class WriteTest {

    private static final int SENML_JSON = MediaTypeRegistry.APPLICATION_SENML_JSON;
    private final Site site = Site.withKeys();

    @AfterEach
    void close() {
        site.close();
    }

    private CoapClient rw(String path) {
        return site.clients.dtls(site.secure(), path, Site.RW_ID, Site.RW_KEY);
    }

    @Test
    void capInSenmlJsonOverDtlsReachesSiteControlAndShowsOnSite() throws Exception {
        CoapResponse r = rw("/site/cap").put("[{\"bn\":\"site/cap/\",\"n\":\"limit\",\"u\":\"W\",\"v\":3000},"
                + "{\"n\":\"duration\",\"u\":\"s\",\"v\":900}]", SENML_JSON);
        assertEquals(ResponseCode.CHANGED, r.getCode(), r.getResponseText());
        assertEquals(List.of("capPower 3000.0 2026-11-25T17:15:00Z coap:bms-1"), site.control.calls);
        var siteRecords = Senml.json(site.clients.plain(site.plain(), "/site").get().getPayload());
        assertEquals(3000.0, Senml.named(siteRecords, "n", "cap").get("v"));
        assertEquals("coap:bms-1", Senml.named(siteRecords, "n", "cap/by").get("vs"));
    }

    @Test
    void capInSenmlCborWithUntil() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new CBORFactory().createGenerator(out)) {
            g.writeStartArray();
            g.writeStartObject(); g.writeFieldId(0); g.writeString("limit"); g.writeFieldId(1); g.writeString("W");
            g.writeFieldId(2); g.writeNumber(2500); g.writeEndObject();
            g.writeStartObject(); g.writeFieldId(0); g.writeString("until"); g.writeFieldId(3);
            g.writeString("2026-11-25T19:00:00Z"); g.writeEndObject();
            g.writeEndArray();
        }
        CoapResponse r = rw("/site/cap").post(out.toByteArray(), MediaTypeRegistry.APPLICATION_SENML_CBOR);
        assertEquals(ResponseCode.CHANGED, r.getCode(), r.getResponseText());
        assertEquals(List.of("capPower 2500.0 2026-11-25T19:00:00Z coap:bms-1"), site.control.calls);
    }

    @Test
    void plainJsonCapThenDelete() throws Exception {
        assertEquals(ResponseCode.CHANGED, rw("/site/cap").put("{\"limit\":2000,\"duration\":60}", MediaTypeRegistry.APPLICATION_JSON).getCode());
        assertEquals(ResponseCode.DELETED, rw("/site/cap").delete().getCode());
        assertEquals(List.of("capPower 2000.0 2026-11-25T17:01:00Z coap:bms-1", "clearPowerCap coap:bms-1"), site.control.calls);
        var cap = Senml.json(site.clients.plain(site.plain(), "/site/cap").get().getPayload());
        assertEquals(false, Senml.named(cap, "n", "active").get("vb"));
    }

    @Test
    void socketDisableAndEnable() throws Exception {
        CoapResponse off = rw("/sockets/2/enabled").put("[{\"n\":\"enabled\",\"vb\":false}]", SENML_JSON);
        assertEquals(ResponseCode.CHANGED, off.getCode(), off.getResponseText());
        assertEquals(ResponseCode.CHANGED, rw("/sockets/1/enabled").put("false", MediaTypeRegistry.TEXT_PLAIN).getCode());
        assertEquals(ResponseCode.CHANGED, rw("/sockets/2/enabled").put("{\"enabled\":true}", MediaTypeRegistry.APPLICATION_JSON).getCode());
        assertEquals(List.of("setSocketEnabled 2 false coap:bms-1", "setSocketEnabled 1 false coap:bms-1",
                "setSocketEnabled 2 true coap:bms-1"), site.control.calls);
        var socket1 = Senml.json(site.clients.plain(site.plain(), "/sockets/1").get().getPayload());
        assertEquals("DISABLED", Senml.named(socket1, "n", "availability").get("vs"));
    }

    @Test
    void plainCoapWritesAre401AndChangeNothing() throws Exception {
        CoapResponse r = site.clients.plain(site.plain(), "/site/cap").put("{\"limit\":2000,\"duration\":60}", MediaTypeRegistry.APPLICATION_JSON);
        assertEquals(ResponseCode.UNAUTHORIZED, r.getCode());
        assertEquals(ResponseCode.UNAUTHORIZED, site.clients.plain(site.plain(), "/sockets/1/enabled").put("false", MediaTypeRegistry.TEXT_PLAIN).getCode());
        assertEquals(ResponseCode.UNAUTHORIZED, site.clients.plain(site.plain(), "/site/cap").delete().getCode());
        assertEquals(List.of(), site.control.calls);
    }

    @Test
    void readOnlyIdentityReadsButWritesAre403() throws Exception {
        CoapClient ro = site.clients.dtls(site.secure(), "/sockets/1/enabled", Site.RO_ID, Site.RO_KEY);
        assertEquals(ResponseCode.CONTENT, ro.get().getCode());
        assertEquals(ResponseCode.FORBIDDEN, ro.put("false", MediaTypeRegistry.TEXT_PLAIN).getCode());
        CoapClient roCap = site.clients.dtls(site.secure(), "/site/cap", Site.RO_ID, Site.RO_KEY);
        assertEquals(ResponseCode.FORBIDDEN, roCap.delete().getCode());
        assertEquals(List.of(), site.control.calls);
    }

    @Test
    void malformedBodiesAre400AndChangeNothing() throws Exception {
        for (String body : List.of("{\"limit\":", "not json", "{\"limit\":-5,\"duration\":60}",
                "{\"limit\":2000}", "{\"limit\":2000,\"duration\":60,\"until\":1}", "{\"limit\":\"lots\",\"duration\":60}",
                "{\"limit\":2000,\"duration\":60,\"colour\":\"red\"}", "{\"limit\":2000,\"duration\":200000}",
                "{\"limit\":2000,\"until\":\"yesterday\"}", "{\"limit\":2000,\"until\":1000}", "[1,2]", "{\"limit\":{\"v\":1},\"duration\":6}")) {
            CoapResponse r = rw("/site/cap").put(body, MediaTypeRegistry.APPLICATION_JSON);
            assertEquals(ResponseCode.BAD_REQUEST, r.getCode(), body + " -> " + r.getResponseText());
        }
        assertEquals(ResponseCode.BAD_REQUEST, rw("/sockets/1/enabled").put("maybe", MediaTypeRegistry.TEXT_PLAIN).getCode());
        assertEquals(ResponseCode.BAD_REQUEST, rw("/sockets/1/enabled").put("[{\"n\":\"enabled\",\"v\":0}]", SENML_JSON).getCode());
        assertEquals(ResponseCode.BAD_REQUEST, rw("/sockets/1/enabled").put(new byte[]{(byte) 0xff, 0x00}, MediaTypeRegistry.APPLICATION_SENML_CBOR).getCode());
        assertEquals(List.of(), site.control.calls);
    }

    @Test
    void unsupportedContentFormatIs415() throws Exception {
        CoapResponse r = rw("/site/cap").put("<cap limit='2000'/>", MediaTypeRegistry.APPLICATION_XML);
        assertEquals(ResponseCode.UNSUPPORTED_CONTENT_FORMAT, r.getCode());
        assertEquals(ResponseCode.UNSUPPORTED_CONTENT_FORMAT, rw("/site/cap").put("2000", MediaTypeRegistry.UNDEFINED).getCode());
        assertEquals(List.of(), site.control.calls);
    }

    @Test
    void withoutTheControlLoopWritesAre503WithMaxAge() throws Exception {
        site.service.use(List.of(site.grid), List.of(), null, null, null);
        CoapResponse r = rw("/site/cap").put("{\"limit\":2000,\"duration\":60}", MediaTypeRegistry.APPLICATION_JSON);
        assertEquals(ResponseCode.SERVICE_UNAVAILABLE, r.getCode());
        assertTrue(r.getOptions().hasMaxAge());
        // reads still work without the loop: the grid comes from its meter
        var records = Senml.json(site.clients.plain(site.plain(), "/site").get().getPayload());
        assertEquals(1200.0, Senml.named(records, "n", "grid").get("v"));
        assertEquals(false, Senml.named(records, "n", "loop").get("vb"));
    }

    @Test
    void wrongKeyGetsNoAnswer() throws Exception {
        CoapClient wrong = site.clients.dtls(site.secure(), "/site", Site.RW_ID, "wrong-key-wrong!".getBytes());
        wrong.setTimeout(3_000L);
        // the DTLS handshake fails (bad Finished): the request never reaches a resource, the client gives up
        org.junit.jupiter.api.Assertions.assertNull(wrong.get());
        assertEquals(List.of(), site.control.calls);
    }
}
