package org.microsmartgrid.city.web;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * What an operator sets for the public map page (docs/map-page.md). No tile layer by default: the page works with the
 * list and markers on a plain background, offline and in tests; production sets an OpenStreetMap-style tile server
 * and its attribution (required by the tiles' licence, shown on the map).
 */
@ObjectClassDefinition(name = "Micro Smart Grid – pagina della mappa / map page",
        description = "Tile server and starting view of the public map page at /map/")
public @interface MapPageConfig {

    @AttributeDefinition(name = "URL delle tessere / Tile URL",
            description = "Leaflet URL template, e.g. https://tile.example.org/{z}/{x}/{y}.png; empty = no tiles")
    String tile_url() default "";

    @AttributeDefinition(name = "Attribuzione / Attribution",
            description = "Shown on the map, e.g. © OpenStreetMap contributors (plain text)")
    String tile_attribution() default "";

    @AttributeDefinition(name = "Zoom massimo delle tessere / Tile max zoom", min = "1", max = "22")
    int tile_max_zoom() default 19;

    @AttributeDefinition(name = "Latitudine iniziale / Start latitude", min = "-90", max = "90")
    double start_latitude() default 45.4642;

    @AttributeDefinition(name = "Longitudine iniziale / Start longitude", min = "-180", max = "180")
    double start_longitude() default 9.1900;

    @AttributeDefinition(name = "Zoom iniziale / Start zoom", min = "1", max = "20")
    int start_zoom() default 14;

    @AttributeDefinition(name = "Luoghi cercabili / Searchable places",
            description = "JSON file: an array of {name, lat, lon} a citizen can search; empty = Milan's, packed with the page")
    String places_file() default "";
}
