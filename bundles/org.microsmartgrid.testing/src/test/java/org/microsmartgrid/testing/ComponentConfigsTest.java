package org.microsmartgrid.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.felix.scr.impl.inject.internal.Annotations;
import org.junit.jupiter.api.Test;
import org.osgi.service.component.ComponentException;
import org.osgi.util.converter.ConversionException;
import org.osgi.util.converter.Converters;

/**
 * The helper reads properties as the runtime does: each case is compared with Felix SCR's own implementation of
 * component property types (the Declarative Services of every distribution), not with what we think it does.
 */
public class ComponentConfigsTest {

    /** Public, as the converter reads an enum by reflection (the components' own enums are public too). */
    public enum Phase { L1, L2, L3 }

    public @interface SiteConfig {
        int contract_power_w() default 3000;

        double margin_percent() default 10;

        String[] cheap_bands() default {"F3"};

        String my__name() default "";

        int port$_$number() default 0;

        Phase phase() default Phase.L1;

        String site_id();

        int unit_id();

        boolean enabled();

        String[] sockets();

        Phase other_phase();
    }

    /** The runtime's reading; it gets the defaults from the component description, which these cases leave out. */
    private static SiteConfig felix(Map<String, Object> properties) {
        return Annotations.toObject(SiteConfig.class, properties, null, true);
    }

    @Test
    void methodNamesReadTheirPropertiesByDeclarativeServicesNames() {
        Map<String, Object> p = Map.of("contract.power.w", 6000, "my_name", "casa", "port-number", 5020);
        SiteConfig c = ComponentConfigs.of(SiteConfig.class, p);
        assertEquals(6000, c.contract_power_w());
        assertEquals("casa", c.my__name());
        assertEquals(5020, c.port$_$number());
        assertEquals(felix(p).contract_power_w(), c.contract_power_w());
        assertEquals(felix(p).my__name(), c.my__name());
        assertEquals(felix(p).port$_$number(), c.port$_$number());
    }

    @Test
    void aPropertyNamedLikeTheMethodIsNotReadAndTheDefaultStays() {
        // the mistake a hand-made proxy hid: a .config file with contract_power_w is ignored by the runtime
        SiteConfig c = ComponentConfigs.of(SiteConfig.class, "contract_power_w", 6000);
        assertEquals(3000, c.contract_power_w());
    }

    @Test
    void aMissingPropertyTakesTheAnnotationsDefault() {
        SiteConfig c = ComponentConfigs.of(SiteConfig.class);
        assertEquals(3000, c.contract_power_w());
        assertEquals(10.0, c.margin_percent());
        assertArrayEquals(new String[] {"F3"}, c.cheap_bands());
        assertEquals(Phase.L1, c.phase());
    }

    @Test
    void textConvertsToTheMethodsTypeAsInTheRuntime() {
        Map<String, Object> p = Map.of("contract.power.w", "4500", "margin.percent", "7.5", "enabled", "true",
                "phase", "L3");
        SiteConfig c = ComponentConfigs.of(SiteConfig.class, p);
        assertEquals(4500, c.contract_power_w());
        assertEquals(7.5, c.margin_percent());
        assertTrue(c.enabled());
        assertEquals(Phase.L3, c.phase());
        assertEquals(felix(p).contract_power_w(), c.contract_power_w());
        assertEquals(felix(p).margin_percent(), c.margin_percent());
        assertEquals(felix(p).phase(), c.phase());
    }

    @Test
    void aSingleValueOrAListBecomesAnArrayAndAnArrayGivesItsFirstValueToAScalar() {
        Map<String, Object> p = Map.of("cheap.bands", "F2", "sockets", List.of("1=EBIKE:30", "2="), "unit.id",
                new int[] {7, 8});
        SiteConfig c = ComponentConfigs.of(SiteConfig.class, p);
        assertArrayEquals(new String[] {"F2"}, c.cheap_bands());
        assertArrayEquals(new String[] {"1=EBIKE:30", "2="}, c.sockets());
        assertEquals(7, c.unit_id());
        assertArrayEquals(felix(p).cheap_bands(), c.cheap_bands());
        assertArrayEquals(felix(p).sockets(), c.sockets());
        assertEquals(felix(p).unit_id(), c.unit_id());
    }

    @Test
    void aMissingPropertyWithoutDefaultReadsAsTheRuntimesEmptyValueWhereTheConverterAloneWouldThrow() {
        ConversionException alone = assertThrows(ConversionException.class,
                () -> Converters.standardConverter().convert(Map.of()).to(SiteConfig.class).unit_id());
        assertTrue(alone.getMessage().contains("No value for property: unit.id"), alone.getMessage());

        SiteConfig c = ComponentConfigs.of(SiteConfig.class);
        SiteConfig runtime = felix(Map.of());
        assertEquals(0, c.unit_id());
        assertFalse(c.enabled());
        assertNull(c.site_id());
        assertNull(c.other_phase());
        assertArrayEquals(new String[0], c.sockets());
        assertEquals(runtime.unit_id(), c.unit_id());
        assertEquals(runtime.enabled(), c.enabled());
        assertEquals(runtime.site_id(), c.site_id());
        assertEquals(runtime.other_phase(), c.other_phase());
        assertArrayEquals(runtime.sockets(), c.sockets());
    }

    @Test
    void aValueThatDoesNotConvertFailsWhenReadAsInTheRuntime() {
        Map<String, Object> p = Map.of("unit.id", "abc", "phase", "L4");
        SiteConfig c = ComponentConfigs.of(SiteConfig.class, p);
        assertThrows(ConversionException.class, c::unit_id);
        assertThrows(ConversionException.class, c::phase);
        assertThrows(ComponentException.class, () -> felix(p).unit_id());
        assertThrows(ComponentException.class, () -> felix(p).phase());
        assertEquals(3000, c.contract_power_w(), "the other values still read");
    }

    @Test
    void theConfigurationIsASnapshotOfThePresentPropertiesAndItsAnnotationTypeIsTheGivenOne() {
        Map<String, Object> p = ComponentConfigs.properties("contract.power.w", 6000);
        SiteConfig c = ComponentConfigs.of(SiteConfig.class, p);
        p.put("contract.power.w", 1);
        assertEquals(6000, c.contract_power_w());
        assertEquals(SiteConfig.class, c.annotationType());
        assertThrows(IllegalArgumentException.class, () -> ComponentConfigs.properties("contract.power.w"));
        SiteConfig absent = ComponentConfigs.of(SiteConfig.class, "contract.power.w", null, "unit.id", null);
        assertEquals(3000, absent.contract_power_w(), "a null value is an absent property: the default");
        assertEquals(0, absent.unit_id(), "a null value is an absent property: DS's empty value");
    }
}
