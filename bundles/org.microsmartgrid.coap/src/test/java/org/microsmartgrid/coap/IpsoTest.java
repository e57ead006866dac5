package org.microsmartgrid.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.LinkFormat;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.coap.ipso.IpsoModels;
import org.microsmartgrid.coap.ipso.ObjectModel;

/**
 * The module's data as IPSO Smart Objects, read and written as a generic LwM2M/IPSO tool would: by the standard
 * object, instance and resource numbers, with the units of OMA's definitions.
 */
class IpsoTest {

    private final Site site = Site.withKeys();

    @AfterEach
    void close() {
        site.close();
    }

    private CoapClient plain(String path) {
        return site.clients.plain(site.plain(), path);
    }

    @Test
    void theDefinitionsAreOmasAndHoldWhatWeServe() {
        ObjectModel power = IpsoModels.load(3305);
        assertEquals("Power Measurement", power.name());
        assertTrue(power.urn().startsWith("urn:oma:lwm2m:ext:3305"), power.urn());
        assertEquals("W", power.resource(5800).units());
        assertEquals("Wh", power.resource(5805).units());
        assertEquals("Float", power.resource(5800).type());
        ObjectModel actuation = IpsoModels.load(3306);
        assertEquals("Boolean", actuation.resource(5850).type());
        assertTrue(actuation.resource(5850).writable());
        assertThrows(IllegalArgumentException.class, () -> power.resource(5850), "3305 has no On/Off");
    }

    @Test
    void aDefinitionWithADoctypeIsRefused() {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<LWM2M><Object><Name>&e;</Name><ObjectID>1</ObjectID><ObjectURN>u</ObjectURN><Resources/></Object></LWM2M>";
        assertThrows(IOException.class, () -> IpsoModels.parse(new ByteArrayInputStream(evil.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void discoveryListsTheObjectsByTheirUrn() throws Exception {
        Set<WebLink> links = LinkFormat.parse(plain("/.well-known/core").get().getResponseText());
        String powerUrn = IpsoModels.load(3305).urn();
        for (String uri : List.of("/3305/0", "/3305/1", "/3305/11", "/3305/12", "/3305/0/5800")) {
            WebLink l = link(links, uri);
            assertEquals(List.of(powerUrn), l.getAttributes().getResourceTypes(), uri);
            assertTrue(l.getAttributes().hasObservable(), uri);
        }
        assertEquals(List.of("core.s"), link(links, "/3305/0").getAttributes().getInterfaceDescriptions());
        assertEquals(List.of("core.a"), link(links, "/3306/2/5850").getAttributes().getInterfaceDescriptions());
        assertTrue(link(links, "/3305/0/5800").getAttributes().getContentTypes().contains("0"), "plain text");
        assertTrue(links.stream().noneMatch(l -> l.getURI().equals("/3305/2")), "no battery meter, no battery instance");
    }

    @Test
    void aResourceReadsAsPlainTextAndAnInstanceAsLwm2mSenml() throws Exception {
        CoapResponse grid = plain("/3305/0/5800").get();
        assertEquals(ResponseCode.CONTENT, grid.getCode());
        assertEquals(MediaTypeRegistry.TEXT_PLAIN, grid.getOptions().getContentFormat());
        assertEquals("1200", grid.getResponseText());
        assertEquals("1000", plain("/3305/11/5805").get().getResponseText(), "socket 1's energy in Wh");
        assertEquals("socket 2", plain("/3305/12/5750").get().getResponseText());
        assertEquals("1", plain("/3306/1/5850").get().getResponseText(), "enabled: LwM2M's boolean 1");

        CoapResponse socket1 = plain("/3305/11").get();
        assertEquals(MediaTypeRegistry.APPLICATION_SENML_JSON, socket1.getOptions().getContentFormat());
        List<Map<String, Object>> records = Senml.json(socket1.getPayload());
        assertEquals("/3305/11/", records.get(0).get("bn"), "named by its path, as LwM2M clients decode it");
        assertEquals(Map.of("n", "5800", "u", "W", "v", 150.0), only(Senml.named(records, "n", "5800"), "n", "u", "v"));
        assertEquals("Wh", Senml.named(records, "n", "5805").get("u"));
        assertEquals("socket 1", Senml.named(records, "n", "5750").get("vs"));
        List<Map<String, Object>> cbor = Senml.cbor(plain("/3305/0/5800").get(MediaTypeRegistry.APPLICATION_SENML_CBOR).getPayload());
        assertEquals(1200.0, Senml.named(cbor, "0", "5800").get("2"));
    }

    @Test
    void aValueTheModuleDoesNotKnowIsUnavailableNotMadeUp() throws Exception {
        site.grid.fail();
        CoapResponse r = plain("/3305/0/5800").get();
        assertEquals(ResponseCode.SERVICE_UNAVAILABLE, r.getCode(), r.getResponseText());
        assertTrue(Senml.json(plain("/3305/0").get().getPayload()).stream().noneMatch(x -> "5800".equals(x.get("n"))));
    }

    @Test
    void onOffPausesAndResumesASocketWithTheSameRulesAsOurOwnResource() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        CoapObserveRelation relation = plain("/3306/2/5850").observe(new CoapHandler() {
            @Override public void onLoad(CoapResponse response) { seen.add(response.getResponseText()); }
            @Override public void onError() { }
        });
        assertEquals("1", seen.poll(10, TimeUnit.SECONDS));

        CoapClient rw = site.clients.dtls(site.secure(), "/3306/2/5850", Site.RW_ID, Site.RW_KEY);
        assertEquals(ResponseCode.CHANGED, rw.put("0", MediaTypeRegistry.TEXT_PLAIN).getCode());
        assertEquals(List.of("setSocketEnabled 2 false coap:bms-1"), site.control.calls);
        assertEquals("0", seen.poll(10, TimeUnit.SECONDS), "the observer hears the pause");
        assertEquals(ResponseCode.CHANGED,
                rw.put("[{\"bn\":\"/3306/2/\",\"n\":\"5850\",\"vb\":true}]", MediaTypeRegistry.APPLICATION_SENML_JSON).getCode());
        assertEquals("setSocketEnabled 2 true coap:bms-1", site.control.calls.get(1));
        relation.proactiveCancel();

        assertEquals(ResponseCode.UNAUTHORIZED, plain("/3306/2/5850").put("0", MediaTypeRegistry.TEXT_PLAIN).getCode());
        CoapClient ro = site.clients.dtls(site.secure(), "/3306/2/5850", Site.RO_ID, Site.RO_KEY);
        assertEquals(ResponseCode.FORBIDDEN, ro.put("0", MediaTypeRegistry.TEXT_PLAIN).getCode());
        assertEquals(ResponseCode.BAD_REQUEST, rw.put("maybe", MediaTypeRegistry.TEXT_PLAIN).getCode());
        assertEquals(ResponseCode.BAD_REQUEST,
                rw.put("[{\"n\":\"5851\",\"v\":50}]", MediaTypeRegistry.APPLICATION_SENML_JSON).getCode());
        CoapClient meter = site.clients.dtls(site.secure(), "/3305/0/5800", Site.RW_ID, Site.RW_KEY);
        assertEquals(ResponseCode.METHOD_NOT_ALLOWED, meter.put("0", MediaTypeRegistry.TEXT_PLAIN).getCode());
        assertEquals(2, site.control.calls.size(), "nothing refused changed anything: " + site.control.calls);
    }

    private static WebLink link(Set<WebLink> links, String uri) {
        return links.stream().filter(l -> l.getURI().equals(uri)).findFirst()
                .orElseThrow(() -> new AssertionError("no link " + uri + " in " + links));
    }

    private static Map<String, Object> only(Map<String, Object> record, String... labels) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        for (String l : labels) copy.put(l, record.get(l));
        return copy;
    }
}
