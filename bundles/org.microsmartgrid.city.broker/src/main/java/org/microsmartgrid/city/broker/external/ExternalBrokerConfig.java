package org.microsmartgrid.city.broker.external;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = ExternalBrokerConfig.PID, name = "Broker MQTT esterno / External MQTT broker",
        description = "Al posto del broker integrato: questa istanza si abbona, con le altre istanze, ai messaggi dei "
                + "moduli su un broker esterno (sottoscrizioni condivise) / Instead of the embedded broker: this "
                + "instance subscribes, together with the other instances, to the modules' messages on an external "
                + "broker (shared subscriptions). docs/city-runtime.md")
public @interface ExternalBrokerConfig {

    String PID = "org.microsmartgrid.city.broker.external.ExternalBroker";

    @AttributeDefinition(name = "URL del broker / Broker URL", description = "tcp://host:1883 or ssl://host:8883")
    String broker_url();

    @AttributeDefinition(name = "Client id di questa istanza / This instance's client id",
            description = "One per instance and stable across restarts: the broker keeps this instance's session "
                    + "(subscriptions, unacknowledged messages) under it.")
    String client_id();

    @AttributeDefinition(name = "Utente / User", required = false)
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Gruppo condiviso / Share group",
            description = "Instances with the same group split the stream ($share/{group}/...): each message goes to "
                    + "one of them.")
    String share_group() default "city";

    @AttributeDefinition(name = "Filtri condivisi / Shared topic filters", required = false,
            description = "The modules' data (docs/cloud-telemetry.md), split among the instances: each is subscribed "
                    + "as $share/{group}/{filter}. Empty: nothing shared (one instance; docs/kapua.md).")
    String[] topic_filters() default {"+/+/msg/#"};

    @AttributeDefinition(name = "Filtri per ogni istanza / Filters every instance receives", required = false,
            description = "The modules' lifecycle (BIRTH, DC, LWT): few messages, idempotent, subscribed by every "
                    + "instance without sharing (mosquitto 2.0 delivers nothing to $share/{group}/$EDC/...).")
    String[] every_instance_filters() default {"$EDC/+/+/MQTT/+"};

    @AttributeDefinition(name = "Riconnessione massima (s) / Longest reconnect delay (s)", min = "1", max = "300")
    int reconnect_max_s() default 30;
}
