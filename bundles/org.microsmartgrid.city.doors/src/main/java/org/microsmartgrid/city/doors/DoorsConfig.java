package org.microsmartgrid.city.doors;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = DoorsConfig.PID, name = "Sono alla porta / I am at the door",
        description = "How often one client may try a door code through the city (on top of the module's own throttle).")
public @interface DoorsConfig {
    String PID = "org.microsmartgrid.city.doors.Doors";

    @AttributeDefinition(name = "Tentativi di fila / Tries in a row", min = "1", max = "100",
            description = "How many codes one client address may try at once.")
    int attempts_burst() default 6;

    @AttributeDefinition(name = "Secondi per un tentativo in più / Seconds per further try", min = "1", max = "3600",
            description = "After the tries in a row, one more every so many seconds.")
    int attempts_refill_seconds() default 20;
}
