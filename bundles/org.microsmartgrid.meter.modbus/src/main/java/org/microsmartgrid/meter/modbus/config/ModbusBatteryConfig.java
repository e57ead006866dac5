package org.microsmartgrid.meter.modbus.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of one steerable SunSpec battery (storage model 124) on a Modbus bus. */
@ObjectClassDefinition(id = ModbusBatteryConfig.PID, name = "Batteria Modbus SunSpec / Modbus SunSpec battery",
        description = "Comanda la carica e la scarica di una batteria domestica SunSpec (modello 124). / "
                + "Steers a SunSpec home battery's charge and discharge (model 124).")
public @interface ModbusBatteryConfig {
    /** The component name, service.factoryPid and metatype id (Kura needs all three equal). */
    String PID = "org.microsmartgrid.meter.modbus.ModbusBattery";

    @AttributeDefinition(name = "Id batteria / Battery id", description = "Nome unico, es. battery. / Unique name, e.g. battery.")
    String battery_id() default "battery";

    @AttributeDefinition(name = "Id bus / Bus id", description = "Il bus.id del bus Modbus. / The bus.id of the Modbus bus.")
    String bus_id() default "default";

    @AttributeDefinition(name = "Bus target", description = "Filtro OSGi del bus; lasciare (bus.id=<Id bus>). / "
            + "Which bus service this battery binds to: keep it (bus.id=<Bus id>).", required = false)
    String bus_target() default "(bus.id=*)";

    @AttributeDefinition(name = "Unit id", description = "Indirizzo Modbus 1..247. / Modbus slave address 1..247.", min = "1", max = "247")
    int unit_id() default 1;

    @AttributeDefinition(name = "Indirizzo base SunSpec / SunSpec base address", min = "0", max = "65535",
            description = "Dove si trova \"SunS\"; si provano anche 0, 40000, 50000. / Where \"SunS\" is; 0, 40000, 50000 are also tried.")
    int sunspec_base_address() default 40000;

    @AttributeDefinition(name = "Carica massima (W) / Max charge (W)", min = "1",
            description = "Mai caricare oltre (si usa il minore tra questo e WChaMax). / Never charge faster (the smaller of this and WChaMax).")
    int max_charge_w() default 3000;

    @AttributeDefinition(name = "Scarica massima (W) / Max discharge (W)", min = "1",
            description = "Mai scaricare oltre (il minore tra questo e WChaMax). / Never discharge faster (the smaller of this and WChaMax).")
    int max_discharge_w() default 3000;

    @AttributeDefinition(name = "Immissione in rete consentita / Export allowed",
            description = "Se la scarica può immettere in rete; no: chi comanda deve limitarla al consumo. / "
                    + "Whether a discharge may push power into the grid; no: whoever steers must cap it at the consumption.")
    boolean export_allowed() default false;
}
