package org.microsmartgrid.building.access;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = AccessService.PID, name = "Door access codes / Codici di accesso",
        description = "One-time codes for couriers and personal-safety interventions: windows, guessing back-off, "
                + "audit journal. docs/building-access.md")
public @interface AccessConfig {

    @AttributeDefinition(name = "Journal", description = "Append-only audit journal (JSON lines). ${msg.data} is the "
            + "framework or system property msg.data (default: data).")
    String journal_path() default "${msg.data}/access-journal.jsonl";

    @AttributeDefinition(name = "Courier window, max hours", min = "1", max = "48")
    int courier_max_hours() default 12;

    @AttributeDefinition(name = "Intervention window, max hours", min = "1", max = "720",
            description = "Personal-safety interventions (a carer, an emergency service): longer, with a reason.")
    int intervention_max_hours() default 168;

    @AttributeDefinition(name = "Wrong codes per door before a back-off", min = "1", max = "100")
    int door_max_failures() default 5;

    @AttributeDefinition(name = "Wrong codes in all doors before a global back-off", min = "1", max = "1000")
    int global_max_failures() default 20;

    @AttributeDefinition(name = "First back-off (s)", min = "1", max = "3600",
            description = "Doubles at each back-off in a row, up to the maximum.")
    int backoff_seconds() default 30;

    @AttributeDefinition(name = "Maximum back-off (s)", min = "1", max = "86400")
    int max_backoff_seconds() default 900;
}
