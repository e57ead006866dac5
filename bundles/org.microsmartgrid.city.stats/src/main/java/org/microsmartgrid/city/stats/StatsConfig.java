package org.microsmartgrid.city.stats;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = StatsConfig.PID, name = "Statistiche della città / City statistics",
        description = "Aggregati orari calcolati all'arrivo dei dati e contabilità delle comunità energetiche / "
                + "Hourly aggregates computed as data arrives, and energy community accounting (docs/statistics.md).")
public @interface StatsConfig {

    String PID = "org.microsmartgrid.city.stats.Stats";

    @AttributeDefinition(name = "Scrittura ogni (s) / Store every (s)", min = "1", max = "3600",
            description = "How often the aggregates are written to the database. What arrived since is lost if the "
                    + "runtime dies: those hours then show as incomplete.")
    int flush_seconds() default 30;

    @AttributeDefinition(name = "Buco massimo (min) / Largest gap (min)", min = "1", max = "1440",
            description = "The longest interval between two counter readings whose energy is still placed in hours.")
    int max_gap_minutes() default 15;

    @AttributeDefinition(name = "Potenza massima (kW) / Largest power (kW)", min = "1",
            description = "More energy between two readings than this power can carry is a counter jump.")
    double max_power_kw() default 200;

    @AttributeDefinition(name = "Tolleranza orologio (s) / Clock tolerance (s)", min = "0",
            description = "A reading captured this long after the city received it comes from a wrong clock.")
    int future_tolerance_seconds() default 300;

    @AttributeDefinition(name = "Cella (gradi) / Grid cell (degrees)",
            description = "Size of the grid cells points and unmet searches are aggregated on.")
    double cell_degrees() default 0.01;

    @AttributeDefinition(name = "File dei quartieri (GeoJSON) / Districts file (GeoJSON)", required = false,
            description = "A GeoJSON FeatureCollection of the districts (Polygon/MultiPolygon, WGS 84): each point "
                    + "is counted in the district that contains it, or in 'altro / other'. Empty: no districts. A "
                    + "missing or invalid file is refused and the districts in use stay (docs/statistics.md).")
    String districts_file() default "";

    @AttributeDefinition(name = "Proprietà del nome / Name property",
            description = "The feature property that names a district; a number n there names it 'Municipio n' "
                    + "(the Comune di Milano's MUNICIPIO).")
    String district_name_property() default "name";

    @AttributeDefinition(name = "Distanza a piedi (m) / Walking distance (m)", min = "50",
            description = "A map search with no free point this close counts as unmet demand.")
    double walk_metres() default 500;

    @AttributeDefinition(name = "Incentivo (€/MWh) / Incentive (€/MWh)", min = "0",
            description = "The rate paid on shared energy (docs/energy-community.md: the GSE tariff for the "
                    + "community's plants plus ARERA's valorisation; set it from the community's contract).")
    double cer_rate_eur_per_mwh() default 110;

    @AttributeDefinition(name = "Quota ai produttori / Producers' part", min = "0", max = "1",
            description = "Part of each hour's shared energy credited to the members who fed energy in; the rest "
                    + "goes to those who drew (docs/energy-community.md).")
    double cer_producer_fraction() default 0.5;

    @AttributeDefinition(name = "k (soglia dati aperti) / k (open data threshold)", min = "2",
            description = "Groups with fewer sessions (or points) than this are suppressed in public exports.")
    int open_data_k() default 10;

    @AttributeDefinition(name = "CO2 auto a benzina (g/km) / CO2 petrol car (g/km)", min = "0",
            description = "The baseline a charged kWh replaces (docs/statistics.md, sources there).")
    double co2_baseline_g_per_km() default 120;

    @AttributeDefinition(name = "Consumo veicolo elettrico (kWh/km) / EV consumption (kWh/km)", min = "0.001")
    double ev_kwh_per_km() default 0.17;

    @AttributeDefinition(name = "CO2 della rete (g/kWh) / Grid CO2 (g/kWh)", min = "0",
            description = "Emission factor of electricity drawn from the Italian grid (docs/statistics.md).")
    double grid_g_per_kwh() default 250;
}
