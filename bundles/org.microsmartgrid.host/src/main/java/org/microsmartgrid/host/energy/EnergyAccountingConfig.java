package org.microsmartgrid.host.energy;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Micro Smart Grid energy accounting",
        description = "The building's energy by day and ARERA band, from the meters' counters (docs/host-page.md).")
public @interface EnergyAccountingConfig {
    String PID = "org.microsmartgrid.host.EnergyAccounting";

    @AttributeDefinition(name = "File", description = "Where the ledger is kept (a small JSON file, replaced atomically). "
            + "${msg.data} is the framework or system property msg.data (default: data).")
    String file() default "${msg.data}/energy.json";

    @AttributeDefinition(name = "Save every (s)", description = "How often the ledger is written (and when the module stops). "
            + "What happens in between is not lost by a crash: the counters recover it.")
    int save_every_s() default 60;

    @AttributeDefinition(name = "Largest power (W)", description = "A counter step larger than this power could "
            + "deliver since the previous reading is a new meter, not energy (10..10000000).")
    double max_power_w() default 200_000;

    @AttributeDefinition(name = "Keep days", description = "Days of history kept (at least 400: this year and last).")
    int keep_days() default 800;
}
