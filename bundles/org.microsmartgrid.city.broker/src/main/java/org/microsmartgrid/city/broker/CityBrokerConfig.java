package org.microsmartgrid.city.broker;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = CityBrokerConfig.PID, name = "Broker MQTT della città / City MQTT broker",
        description = "Il broker a cui si collegano i moduli / The broker modules connect to.")
public @interface CityBrokerConfig {

    String PID = "org.microsmartgrid.city.broker.CityBroker";

    @AttributeDefinition(name = "Indirizzo / Bind address", description = "0.0.0.0 = every interface.")
    String host() default "0.0.0.0";

    @AttributeDefinition(name = "Porta MQTT / MQTT port", min = "0", max = "65535",
            description = "Plain MQTT; 0 = off (TLS only).")
    int port() default 1883;

    @AttributeDefinition(name = "Porta MQTT su TLS / MQTT over TLS port", min = "0", max = "65535",
            description = "0 = off. Needs the key store below.")
    int tls_port() default 0;

    @AttributeDefinition(name = "Key store TLS (PKCS12) / TLS key store (PKCS12)", required = false)
    String tls_keystore_path() default "";

    @AttributeDefinition(name = "Password del key store / Key store password", type = AttributeType.PASSWORD,
            required = false)
    String tls_keystore_password() default "";

    @AttributeDefinition(name = "Messaggio massimo / Maximum message (bytes)", min = "1024", max = "16777216")
    int max_message_bytes() default 262144;

    @AttributeDefinition(name = "Credenziali dei moduli / Module credentials", cardinality = 10000, required = false,
            description = "One per module: \"{account}/{client id} sha256:{salt}:{hash}\", issued with "
                    + "java -jar org.microsmartgrid.city.broker.jar {account} {client id} (docs/city-runtime.md).")
    String[] modules() default {};
}
