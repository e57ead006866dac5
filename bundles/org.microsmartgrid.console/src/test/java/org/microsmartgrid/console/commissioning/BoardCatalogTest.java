package org.microsmartgrid.console.commissioning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The repository's own hardware/boards, read as the page reads its copy in the bundle. */
class BoardCatalogTest {

    static Map<String, Map<String, String>> repositoryBoards() throws IOException {
        Path root = Path.of("../../hardware/boards");
        Map<String, Map<String, String>> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".config")).toList())
                files.computeIfAbsent(f.getParent().getFileName().toString(), k -> new TreeMap<>())
                        .put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
        }
        return files;
    }

    @Test
    void theWaveshareBoardHasItsChipAndThreeRelays() throws IOException {
        List<Board> boards = BoardCatalog.parse(repositoryBoards());
        Board waveshare = BoardCatalog.find(boards, "waveshare-rpi-relay-board").orElseThrow();
        assertEquals("GPIOD", waveshare.chip().get("provider"));
        assertArrayEquals(new String[] {"CH1=26", "CH2=20", "CH3=21"}, waveshare.pins());
        assertEquals(3, waveshare.relays().size());
        Map<String, Object> first = waveshare.relays().get("org.microsmartgrid.relay.gpio.GpioRelay-socket1.config");
        assertEquals("socket-1", first.get("relay.id"));
        assertEquals(1, first.get("socket"), "typed: I\"1\" is an Integer");
        assertEquals(Boolean.TRUE, first.get("active.low"));
        assertFalse(waveshare.mock());
    }

    @Test
    void theMockBoardBorrowsTheRelaysOfTheBoardWithItsPinMap() throws IOException {
        Board mock = BoardCatalog.find(BoardCatalog.parse(repositoryBoards()), "laptop-demo-mock").orElseThrow();
        assertTrue(mock.mock());
        assertEquals(3, mock.relays().size(), "the README says: use the relay files of waveshare-rpi-relay-board");
    }

    @Test
    void theReferenceBoardWatchesEveryContactorOnAPinOfItsOwn() throws IOException {
        Board reference = BoardCatalog.find(BoardCatalog.parse(repositoryBoards()), "waveshare-rpi-relay-board-b").orElseThrow();
        assertFalse(reference.mock());
        assertEquals(8, reference.pins().length);
        assertEquals(4, reference.relays().size(), "the reference module has four sockets");
        java.util.Set<String> used = new java.util.HashSet<>();
        for (String pin : reference.pins()) used.add(pin.substring(pin.indexOf('=') + 1));
        for (Map<String, Object> relay : reference.relays().values()) {
            Object feedback = relay.get("feedback.pin");
            assertTrue(feedback instanceof String f && !f.isEmpty(), "a contactor without feedback: " + relay);
            // a pin claimed twice (an output, another relay's feedback) fails the relay (docs/relays.md)
            assertTrue(used.add((String) feedback), "BCM " + feedback + " used twice on the reference board");
        }
    }
}
