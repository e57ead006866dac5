package org.microsmartgrid.cloud.kapua.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = CloudLinkConfig.PID, name = "Collegamento cloud (Kapua) / Cloud link (Kapua)",
        description = "Il modulo come dispositivo Kura in Eclipse Kapua, via MQTT. / The module as a Kura device in "
                + "Eclipse Kapua over MQTT: BIRTH, remote management, telemetry and sessions through a persistent "
                + "outbox.")
public @interface CloudLinkConfig {

    String PID = "org.microsmartgrid.cloud.kapua.KapuaCloudLink";

    @AttributeDefinition(name = "URL del broker / Broker URL",
            description = "tcp://host:1883 or ssl://host:8883 (use ssl:// beyond the building's own network).")
    String broker_url() default "tcp://127.0.0.1:1883";

    @AttributeDefinition(name = "Account Kapua / Kapua account",
            description = "The Kapua account (tenant) the module belongs to: the first level of its topics.")
    String account_name() default "kapua-sys";

    @AttributeDefinition(name = "Client id", required = false,
            description = "The device id in Kapua. Empty: the MAC address of the first network card, as Kura does.")
    String client_id() default "";

    @AttributeDefinition(name = "Utente del broker / Broker user", required = false,
            description = "A Kapua user with broker:connect. No default: set by the installer.")
    String username() default "";

    @AttributeDefinition(name = "Password del broker / Broker password", type = AttributeType.PASSWORD,
            required = false, description = "No default password exists.")
    String password() default "";

    @AttributeDefinition(name = "Keep-alive (s)", min = "5", max = "3600")
    int keep_alive_s() default 30;

    @AttributeDefinition(name = "Primo tentativo / First retry (s)", min = "1", max = "600",
            description = "Wait after a lost or failed connection; doubled at each failure up to the maximum.")
    int reconnect_min_s() default 1;

    @AttributeDefinition(name = "Attesa massima / Longest retry wait (s)", min = "1", max = "3600")
    int reconnect_max_s() default 60;

    @AttributeDefinition(name = "Trust store TLS / TLS trust store", required = false,
            description = "PKCS12 or JKS file with the broker's CA, for ssl:// URLs. Empty: the JVM's default CAs.")
    String tls_truststore_path() default "";

    @AttributeDefinition(name = "Password del trust store / Trust store password", type = AttributeType.PASSWORD,
            required = false)
    String tls_truststore_password() default "";

    @AttributeDefinition(name = "Nome visualizzato / Display name", description = "Shown in Kapua's device list.")
    String display_name() default "Micro Smart Grid module";

    @AttributeDefinition(name = "Modello / Model name")
    String model_name() default "Micro Smart Grid module";

    @AttributeDefinition(name = "Id modello / Model id")
    String model_id() default "msg-module";

    @AttributeDefinition(name = "Codice parte / Part number", required = false)
    String part_number() default "";

    @AttributeDefinition(name = "Numero di serie / Serial number", required = false)
    String serial_number() default "";

    @AttributeDefinition(name = "Latitudine / Latitude", required = false,
            description = "Decimal degrees (e.g. 45.4642); empty: no position in BIRTH.")
    String position_latitude() default "";

    @AttributeDefinition(name = "Longitudine / Longitude", required = false, description = "Decimal degrees (e.g. 9.19).")
    String position_longitude() default "";

    @AttributeDefinition(name = "Intervallo telemetria / Telemetry interval (s)", min = "1", max = "3600",
            description = "Site and sockets are sent at this interval; availability changes at once.")
    int telemetry_interval_s() default 10;

    @AttributeDefinition(name = "Outbox", description = "Store of the messages waiting for the broker "
            + "(file name without .mvstore). ${msg.data} is the framework or system property msg.data (default: data).")
    String outbox_path() default "${msg.data}/outbox";

    @AttributeDefinition(name = "Capienza outbox / Outbox size (messages)", min = "10", max = "10000000",
            description = "When full, the oldest telemetry is dropped first, then events, session records last.")
    int outbox_max_messages() default 100000;

    @AttributeDefinition(name = "Messaggi in volo / Messages in flight", min = "1", max = "1000")
    int inflight_window() default 20;

    @AttributeDefinition(name = "Compressione gzip / gzip compression",
            description = "Payloads are compressed when that makes them shorter, as Kura does.")
    boolean payload_gzip() default true;
}
