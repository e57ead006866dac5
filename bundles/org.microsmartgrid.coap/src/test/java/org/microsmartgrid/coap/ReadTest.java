package org.microsmartgrid.coap;

import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.LinkFormat;
import org.eclipse.californium.core.WebLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discovery and reads over plain CoAP with Californium's client, on loopback. */
class ReadTest {

    private final Site site = Site.withKeys();

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    void discoveryListsTheResourcesWithTypesFormatsAndObserve() throws Exception {
        CoapResponse r = site.clients.plain(site.plain(), "/.well-known/core").get();
        assertEquals(ResponseCode.CONTENT, r.getCode());
        assertEquals(MediaTypeRegistry.APPLICATION_LINK_FORMAT, r.getOptions().getContentFormat());
        Set<WebLink> links = LinkFormat.parse(r.getResponseText());
        WebLink siteLink = link(links, "/site");
        assertEquals(List.of("msg.site"), siteLink.getAttributes().getResourceTypes());
        assertTrue(siteLink.getAttributes().getContentTypes().containsAll(List.of("110", "112")), siteLink.toString());
        assertTrue(siteLink.getAttributes().hasObservable(), siteLink.toString());
        assertEquals(List.of("msg.socket"), link(links, "/sockets/1").getAttributes().getResourceTypes());
        assertTrue(link(links, "/sockets/2").getAttributes().hasObservable());
        assertEquals(List.of("msg.socket.enabled"), link(links, "/sockets/2/enabled").getAttributes().getResourceTypes());
        assertEquals(List.of("msg.site.cap"), link(links, "/site/cap").getAttributes().getResourceTypes());
        // CoRE interfaces: live values are sensors, the enable an actuator, the cap a parameter
        assertEquals(List.of("core.s"), siteLink.getAttributes().getInterfaceDescriptions());
        assertEquals(List.of("core.s"), link(links, "/sockets/1").getAttributes().getInterfaceDescriptions());
        assertEquals(List.of("core.a"), link(links, "/sockets/2/enabled").getAttributes().getInterfaceDescriptions());
        assertEquals(List.of("core.p"), link(links, "/site/cap").getAttributes().getInterfaceDescriptions());
    }

    @Test
    void siteInSenmlJsonByDefault() throws Exception {
        CoapResponse r = site.clients.plain(site.plain(), "/site").get();
        assertEquals(ResponseCode.CONTENT, r.getCode());
        assertEquals(MediaTypeRegistry.APPLICATION_SENML_JSON, r.getOptions().getContentFormat());
        assertEquals(1L, r.getOptions().getMaxAge(), "a plain read of live values: a proxy may keep it one second");
        List<Map<String, Object>> records = Senml.json(r.getPayload());
        assertEquals(Configs.BASE_NAME + "site/", records.get(0).get("bn"), "globally unique names: the module's URN");
        assertEquals(Fakes.NOW.getEpochSecond(), ((Double) records.get(0).get("bt")).longValue());
        assertEquals(Map.of("n", "grid", "u", "W", "v", 1200.0), without(Senml.named(records, "n", "grid"), "bn", "bt"));
        assertEquals(800.0, Senml.named(records, "n", "pv").get("v"));
        assertEquals(2100.0, Senml.named(records, "n", "headroom").get("v"));
        assertEquals(3300.0, Senml.named(records, "n", "limit").get("v"));
        assertEquals(false, Senml.named(records, "n", "safe").get("vb"));
    }

    @Test
    void socketInSenmlCborWhenAskedWithIntegerLabels() throws Exception {
        CoapResponse r = site.clients.plain(site.plain(), "/sockets/1").get(MediaTypeRegistry.APPLICATION_SENML_CBOR);
        assertEquals(ResponseCode.CONTENT, r.getCode());
        assertEquals(MediaTypeRegistry.APPLICATION_SENML_CBOR, r.getOptions().getContentFormat());
        List<Map<String, Object>> records = Senml.cbor(r.getPayload());
        assertEquals(Configs.BASE_NAME + "sockets/1/", records.get(0).get("-2"));
        Map<String, Object> power = Senml.named(records, "0", "power");
        assertEquals("W", power.get("1"));
        assertEquals(150.0, power.get("2"));
        assertEquals(1000.0, Senml.named(records, "0", "energy").get("2"));
        assertEquals("Wh", Senml.named(records, "0", "energy").get("1"));
        assertEquals(true, Senml.named(records, "0", "relay").get("4"));
        assertEquals(true, Senml.named(records, "0", "enabled").get("4"));
        assertEquals("AVAILABLE", Senml.named(records, "0", "availability").get("3"));
        assertEquals("CHARGING_SURPLUS", Senml.named(records, "0", "reason").get("3"));
    }

    @Test
    void unsupportedAcceptIs406() throws Exception {
        CoapResponse r = site.clients.plain(site.plain(), "/site").get(MediaTypeRegistry.APPLICATION_XML);
        assertEquals(ResponseCode.NOT_ACCEPTABLE, r.getCode());
    }

    @Test
    void unknownResourceIs404() throws Exception {
        assertEquals(ResponseCode.NOT_FOUND, site.clients.plain(site.plain(), "/sockets/9").get().getCode());
        assertEquals(ResponseCode.NOT_FOUND, site.clients.plain(site.plain(), "/meters").get().getCode());
    }

    @Test
    void wrongMethodIs405() throws Exception {
        CoapResponse r = site.clients.plain(site.plain(), "/site").post("{}", MediaTypeRegistry.APPLICATION_JSON);
        assertEquals(ResponseCode.METHOD_NOT_ALLOWED, r.getCode());
        Request delete = Request.newDelete();
        assertEquals(ResponseCode.METHOD_NOT_ALLOWED, site.clients.plain(site.plain(), "/sockets/1").advanced(delete).getCode());
    }

    private static WebLink link(Set<WebLink> links, String uri) {
        return links.stream().filter(l -> l.getURI().equals(uri)).findFirst()
                .orElseThrow(() -> new AssertionError("no link " + uri + " in " + links));
    }

    private static Map<String, Object> without(Map<String, Object> record, String... labels) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(record);
        for (String l : labels) copy.remove(l);
        return copy;
    }
}
