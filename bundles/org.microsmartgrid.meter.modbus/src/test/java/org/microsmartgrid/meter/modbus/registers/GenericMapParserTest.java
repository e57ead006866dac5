package org.microsmartgrid.meter.modbus.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.microsmartgrid.api.meter.Channel;

class GenericMapParserTest {
    @Test
    void parsesFullAndShortEntries() {
        RegisterMap map = GenericMapParser.parse(new String[] {
                "ACTIVE_POWER;0x000C;INPUT;FLOAT32;BIG_ENDIAN;1.0",
                " import_energy ; 4096 ; 03 ; uint32 ; little_endian ; 10 ",
                "VOLTAGE_L1;0x10;4;INT16"});
        assertEquals(new RegisterPoint(Channel.ACTIVE_POWER, 12, Table.INPUT, RegisterType.FLOAT32, WordOrder.BIG_ENDIAN, 1.0, true),
                map.points().get(0));
        assertEquals(new RegisterPoint(Channel.IMPORT_ENERGY, 4096, Table.HOLDING, RegisterType.UINT32, WordOrder.LITTLE_ENDIAN, 10, false),
                map.points().get(1));
        assertEquals(new RegisterPoint(Channel.VOLTAGE_L1, 16, Table.INPUT, RegisterType.INT16, WordOrder.BIG_ENDIAN, 1.0, true),
                map.points().get(2));
        assertEquals(0, map.maxGap(), "an unknown device may reject reads of registers it does not define");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ACTIVE_POWR;0x000C;INPUT;FLOAT32       | unknown channel 'ACTIVE_POWR'",
            "ACTIVE_POWER;0x1000G;INPUT;FLOAT32     | address '0x1000G' is not a decimal or 0x-hex number",
            "ACTIVE_POWER;70000;INPUT;FLOAT32       | address 70000 is out of 0..65535",
            "ACTIVE_POWER;-1;INPUT;FLOAT32          | address -1 is out of 0..65535",
            "ACTIVE_POWER;0xFFFF;INPUT;FLOAT32      | runs past register 65535",
            "ACTIVE_POWER;12;COILS;FLOAT32          | unknown register table 'COILS'",
            "ACTIVE_POWER;12;INPUT;FLOAT64          | unknown register type 'FLOAT64'",
            "ACTIVE_POWER;12;INPUT;FLOAT32;MIDDLE   | unknown word order 'MIDDLE'",
            "ACTIVE_POWER;12;INPUT;FLOAT32;BIG_ENDIAN;x | scale 'x' is not a number",
            "ACTIVE_POWER;12;INPUT;FLOAT32;BIG_ENDIAN;0 | scale must be a finite non-zero number",
            "ACTIVE_POWER;12;INPUT                  | got 3 field(s)",
    })
    void aBadEntryIsNamedWithItsNumberAndTheReason(String entry, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GenericMapParser.parse(new String[] {"FREQUENCY;0x46;INPUT;FLOAT32", entry}));
        assertTrue(e.getMessage().startsWith("entry 2 '" + entry + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void aChannelMappedTwiceOrAnEmptyMapIsRefused() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> GenericMapParser.parse(
                new String[] {"ACTIVE_POWER;0;INPUT;INT16", "ACTIVE_POWER;2;INPUT;INT16"}));
        assertTrue(twice.getMessage().contains("entry 2") && twice.getMessage().contains("mapped twice"), twice.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> GenericMapParser.parse(new String[0]));
        assertFalse(empty.getMessage().isBlank());
    }
}
