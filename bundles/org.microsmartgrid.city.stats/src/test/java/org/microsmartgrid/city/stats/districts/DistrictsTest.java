package org.microsmartgrid.city.stats.districts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Point in polygon on hand-drawn shapes, and the demo's Municipio 1 against places everyone in Milan knows. */
class DistrictsTest {

    /** The shipped demo file (the bundle's tests run in its folder). */
    static final Path DEMO = Path.of("../../target-platform/msg-city/conf-demo/districts-milano-demo.geojson");

    /** A 4 × 4 square with a 2 × 2 hole in the middle, and a separate 1 × 1 island east of it. */
    static final String SQUARE_WITH_HOLE_AND_ISLAND = """
            {"type": "FeatureCollection", "features": [
             {"type": "Feature", "properties": {"name": "Quadrato"}, "geometry": {"type": "MultiPolygon", "coordinates": [
               [[[0,0],[4,0],[4,4],[0,4],[0,0]], [[1,1],[1,3],[3,3],[3,1],[1,1]]],
               [[[10,0],[11,0],[11,1],[10,1],[10,0]]]]}},
             {"type": "Feature", "properties": {"name": "Nel buco"}, "geometry": {"type": "Polygon", "coordinates":
               [[[1,1],[3,1],[3,3],[1,3],[1,1]]]}}]}""";

    @Test
    void holesIslandsAndTheRest() {
        Districts d = GeoJsonDistricts.read(new StringReader(SQUARE_WITH_HOLE_AND_ISLAND), "name");
        assertEquals(List.of("Quadrato", "Nel buco"), d.names());
        // latitude first in the API, GeoJSON is [longitude, latitude]
        assertEquals("Quadrato", d.of(0.5, 0.5));
        assertEquals("Quadrato", d.of(3.5, 2));
        assertEquals("Nel buco", d.of(2, 2), "the hole is not the square's; the next district has it");
        assertEquals("Quadrato", d.of(0.5, 10.5), "the island");
        assertEquals(Districts.OTHER, d.of(0.5, 5));
        assertEquals(Districts.OTHER, d.of(-0.1, 2));
        assertEquals(Districts.OTHER, d.of(5, 2));
        assertEquals(Districts.OTHER, Districts.none().of(45.46, 9.19), "no districts: everything is 'other'");
    }

    @Test
    void aConcavePolygon() {
        // a U open to the north: its inner notch (x 1..2, y 1..3) is outside
        Polygon u = new Polygon(List.<double[][]>of(new double[][] {{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}, {0, 0}}));
        assertTrue(u.contains(2, 0.5), "left arm");
        assertTrue(u.contains(2, 2.5), "right arm");
        assertTrue(u.contains(0.5, 1.5), "bottom");
        assertFalse(u.contains(2, 1.5), "the notch");
        assertFalse(u.contains(2, 1.5 + 2), "east of it");
    }

    @Test
    void theDemosMunicipio1IsInsideTheBastioni() throws Exception {
        Districts d = GeoJsonDistricts.read(DEMO, "name");
        assertEquals(List.of("Municipio 1"), d.names());
        for (double[] inside : new double[][] {
                {45.4642, 9.1900}, // Piazza del Duomo
                {45.4719, 9.1879}, // Brera
                // the demo's six sites (demo/…/Sites.java) and its three listed sockets (PeopleDemo.java)
                {45.4674, 9.1900}, {45.4612, 9.1975}, {45.4705, 9.1795}, {45.4632, 9.1913}, {45.4603, 9.1945},
                {45.4637, 9.1898}, {45.4612, 9.1923}, {45.4718, 9.1867}, {45.4565, 9.1962},
                {45.4623, 9.1757}}) // Sant'Ambrogio
            assertEquals("Municipio 1", d.of(inside[0], inside[1]), inside[0] + "," + inside[1]);
        for (double[] outside : new double[][] {
                {45.4861, 9.2045}, // Stazione Centrale
                {45.4781, 9.2266}, // Piazzale Loreto
                {45.4493, 9.1730}, // Naviglio Grande, past the Darsena
                {45.4787, 9.1557}, // CityLife
                {45.4402, 9.2050}, // Corvetto direction
                {45.5140, 9.2110}}) // Bicocca
            assertEquals(Districts.OTHER, d.of(outside[0], outside[1]), outside[0] + "," + outside[1]);
        assertEquals(List.of("Municipio 1"), GeoJsonDistricts.read(DEMO, "MUNICIPIO").names(),
                "the open data's numeric MUNICIPIO names it too");
    }
}
