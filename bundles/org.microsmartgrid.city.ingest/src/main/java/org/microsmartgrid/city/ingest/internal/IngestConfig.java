package org.microsmartgrid.city.ingest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = IngestConfig.PID, name = "Acquisizione dai moduli / Module ingest",
        description = "Coda e limiti dei messaggi dei moduli / Queue and limits of module messages.")
public @interface IngestConfig {

    String PID = "org.microsmartgrid.city.ingest.internal.IngestService";

    /** batch_size's default, also for an ingest built without a configuration (the benchmarks). */
    int DEFAULT_BATCH_SIZE = 500;

    @AttributeDefinition(name = "Capacità della coda / Queue capacity", min = "100", max = "1000000",
            description = "Messages waiting to be applied; when full, new ones are dropped and counted.")
    int queue_capacity() default 50000;

    @AttributeDefinition(name = "Dimensione massima / Maximum payload (bytes)", min = "1024", max = "4194304")
    int max_payload_bytes() default 262144;

    @AttributeDefinition(name = "Finestra anti-duplicati / Duplicate window (ids)", min = "1000", max = "10000000")
    int dedup_window() default 200000;

    @AttributeDefinition(name = "Messaggi per transazione / Messages per transaction", min = "1", max = "10000",
            description = "Messaggi in coda applicati insieme in una transazione / Queued messages applied together in "
                    + "one transaction (1: one by one).")
    int batch_size() default DEFAULT_BATCH_SIZE;
}
