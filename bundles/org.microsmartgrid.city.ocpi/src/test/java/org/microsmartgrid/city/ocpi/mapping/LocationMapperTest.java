package org.microsmartgrid.city.ocpi.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.ocpi.OcpiSchemas;
import org.microsmartgrid.city.ocpi.model.OcpiJson;
import org.microsmartgrid.city.ocpi.model.OcpiLocation;
import org.microsmartgrid.city.ocpi.model.RegularHours;
import org.microsmartgrid.city.registry.Connector;
import org.microsmartgrid.city.registry.Evse;
import org.microsmartgrid.city.registry.EvseStatus;
import org.microsmartgrid.city.registry.Location;

class LocationMapperTest {

    private final LocationMapper mapper = new LocationMapper(Points.PARTY);

    private OcpiLocation map(Location l) {
        OcpiLocation o = mapper.map(l).orElseThrow();
        assertEquals(List.of(), OcpiSchemas.locations("Location", OcpiJson.GSON.toJson(o)), "valid OCPI 2.2.1");
        return o;
    }

    @Test
    void aModulesPointIsALocationOfOurPartyWithItsSocketsAsEvses() {
        OcpiLocation o = map(Points.shop(true));
        assertEquals("IT", o.countryCode());
        assertEquals("MSG", o.partyId());
        assertEquals("ITA", o.country());
        assertEquals("Europe/Rome", o.timeZone());
        assertTrue(o.publish());
        assertEquals("Bar Roma", o.name());
        assertEquals("Via Larga 12", o.address());
        assertEquals("45.4627331", o.coordinates().latitude());
        assertEquals("9.1917402", o.coordinates().longitude());
        assertEquals(List.of("CAFE", "WIFI"), o.facilities(), "SHADE is not an OCPI facility");
        assertEquals("Comune di Milano", o.operator().name());
        assertEquals(List.of("AVAILABLE", "CHARGING"), o.evses().stream().map(e -> e.status()).toList());
        assertEquals(List.of("1", "2"), o.evses().stream().map(e -> e.physicalReference()).toList());
        var schuko = o.evses().get(0).connectors().get(0);
        assertEquals("DOMESTIC_F", schuko.standard());
        assertEquals("SOCKET", schuko.format());
        assertEquals("AC_1_PHASE", schuko.powerType());
        assertEquals(230, schuko.maxVoltage());
        assertEquals(16, schuko.maxAmperage());
        assertEquals(3680, schuko.maxElectricPower());
    }

    @Test
    void lastUpdatedOfTheLocationIsItsNewestPart() {
        OcpiLocation o = map(Points.shop(true));
        assertEquals(OcpiTime.format(Points.T0), o.evses().get(0).connectors().get(0).lastUpdated());
        assertEquals(OcpiTime.format(Points.T0 + 60_000), o.evses().get(0).lastUpdated());
        assertEquals(OcpiTime.format(Points.T0 + 90_000), o.evses().get(1).lastUpdated());
        assertEquals(OcpiTime.format(Points.T0 + 90_000), o.lastUpdated(), "the newest EVSE");
    }

    @Test
    void anOfflineModulesSocketsAreUnknown() {
        assertEquals(List.of("UNKNOWN", "UNKNOWN"),
                map(Points.shop(false)).evses().stream().map(e -> e.status()).toList());
    }

    @Test
    void evseUidsAreStableUniqueAndFitOcpi() {
        OcpiLocation a = map(Points.shop(true));
        OcpiLocation b = map(Points.shop(false));
        assertEquals(a.evses().get(0).uid(), b.evses().get(0).uid(), "stable");
        assertFalse(a.evses().get(0).uid().equals(a.evses().get(1).uid()), "unique per socket");
        assertFalse(EvseMapper.uid("x", 1).equals(EvseMapper.uid("y", 1)), "unique per location");
        assertTrue(a.evses().get(0).uid().length() <= 36);
    }

    @Test
    void vehicleClassesGoToDirectionsInItalianAndEnglish() {
        OcpiLocation o = map(Points.shop(true));
        assertEquals("it", o.directions().get(0).language());
        assertEquals("Veicoli: bici elettriche, monopattini elettrici", o.directions().get(0).text());
        assertEquals("en", o.directions().get(1).language());
        assertEquals("Vehicles: e-bikes, e-scooters", o.directions().get(1).text());
    }

    @Test
    void openingHoursBecomeRegularHours() {
        OcpiLocation o = map(Points.shop(true));
        assertFalse(o.openingTimes().twentyfourseven());
        assertEquals(6, o.openingTimes().regularHours().size());
        assertEquals(new RegularHours(6, "08:00", "13:00"), o.openingTimes().regularHours().get(5));
    }

    @Test
    void aPrivateProvidersNameAndAddressNeverLeaveAndThePositionStaysAsCoarseAsChosen() {
        Location home = Points.home();
        OcpiLocation o = map(home);
        String json = OcpiJson.GSON.toJson(o);
        assertFalse(json.contains("Mario"), json);
        assertEquals(Privacy.PRIVATE_NAME, o.name());
        assertEquals("", o.address());
        assertEquals("Milano", o.city(), "the configured city when the point has none");
        assertEquals("45.46300", o.coordinates().latitude(), "padded to OCPI's 5 decimals, not made more precise");
        assertEquals("9.19200", o.coordinates().longitude());
        assertEquals("UNKNOWN", o.evses().get(0).status(), "nobody monitors it");
        assertTrue(o.openingTimes().twentyfourseven(), "no hours = always open");
    }

    @Test
    void whatCannotBeValidOcpiIsNotPublished() {
        Location shop = Points.shop(true);
        assertTrue(mapper.map(with(shop, null, 9.19)).isEmpty(), "no position: not public");
        assertTrue(mapper.map(with(shop, 91.0, 9.19)).isEmpty(), "latitude out of range");
        assertTrue(mapper.map(with(shop, 45.0, Double.NaN)).isEmpty(), "not a number");
        Location noValidConnector = new Location(shop.id(), shop.name(), null, null, 45.0, 9.0, shop.operatorType(),
                true, Set.of(), Set.of(), null, false, null, Points.T0, shop.module(),
                List.of(new Evse(1, EvseStatus.AVAILABLE, Points.T0, null,
                        List.of(new Connector(1, "SCHUKO", "SOCKET", "AC_1_PHASE", 230, 16, 3680)))));
        assertTrue(mapper.map(noValidConnector).isEmpty(), "OCPI wants locations with valid EVSEs only");
    }

    private static Location with(Location l, Double lat, Double lon) {
        return new Location(l.id(), l.name(), l.address(), l.city(), lat, lon, l.operatorType(), l.monitored(),
                l.vehicleClasses(), l.facilities(), l.openingHours(), l.freeOfCharge(), l.priceText(), l.lastUpdated(),
                l.module(), l.evses());
    }

    @Test
    void textsAreCutToOcpiLengthsAndLoseLineBreaks() {
        Location l = Points.shop(true);
        Location longOnes = new Location(l.id(), "Caffè <b>\"Il Portico\"</b>\r\ncortile\t interno", "Via " + "x".repeat(80),
                "C".repeat(60), 45.0, 9.0, l.operatorType(), true, l.vehicleClasses(), l.facilities(), null, false,
                null, l.lastUpdated(), l.module(), l.evses());
        OcpiLocation o = map(longOnes);
        assertEquals("Caffè <b>\"Il Portico\"</b> cortile interno", o.name(), "markup stays text; breaks go");
        assertEquals(45, o.address().length());
        assertEquals(45, o.city().length());
    }
}
