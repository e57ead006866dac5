package org.microsmartgrid.coap.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The CoAP server's settings, as the web console (Felix or Kura) shows them. Validated by {@link Settings#from}. */
@ObjectClassDefinition(id = CoapConfig.PID, name = "CoAP per sistemi di edificio / CoAP for building systems",
        description = "Server CoAP per BMS e domotica: scoperta, valori live SenML con Observe; limite di potenza e "
                + "abilitazione prese solo via DTLS con chiave PSK. / CoAP server for building automation: discovery, "
                + "live SenML values with Observe; power cap and socket enable only over DTLS with a pre-shared key. "
                + "See docs/coap.md.")
public @interface CoapConfig {

    /** The component name, service.pid and metatype id (Kura needs the three to be the same). */
    String PID = "org.microsmartgrid.coap.CoapBuildingService";

    @AttributeDefinition(name = "Indirizzo di ascolto / Bind address",
            description = "Indirizzo IP su cui ascoltare: 127.0.0.1 solo locale; l'installatore imposta l'indirizzo "
                    + "della LAN dell'edificio (o 0.0.0.0). / IP address to listen on: 127.0.0.1 is local only; the "
                    + "installer sets the building LAN address (or 0.0.0.0) so building systems can reach it.")
    String bind_address() default "127.0.0.1";

    @AttributeDefinition(name = "Porta CoAP / CoAP port", min = "0", max = "65535",
            description = "UDP port of plain CoAP (read-only). 0: a free port chosen by the system (tests).")
    int coap_port() default 5683;

    @AttributeDefinition(name = "Porta CoAPS (DTLS) / CoAPS port", min = "0", max = "65535",
            description = "UDP port of CoAP over DTLS with pre-shared keys; opened only when at least one key is "
                    + "configured. 0: a free port chosen by the system (tests).")
    int coaps_port() default 5684;

    @AttributeDefinition(name = "Chiavi PSK / Pre-shared keys", type = AttributeType.PASSWORD, required = false,
            description = "Una voce per sistema: identità:chiave:rw oppure identità:chiave:ro. La chiave è in Base64 "
                    + "(per una chiave testuale: printf %s 'testo' | base64) oppure esadecimale preceduta da 0x; almeno "
                    + "16 byte. / One entry per building system: identity:key:rw or identity:key:ro. The key is Base64 "
                    + "(for a text key: printf %s 'text' | base64) or hex prefixed with 0x, at least 16 bytes. rw may "
                    + "cap power and enable or disable sockets, ro only reads. No keys: no CoAPS port and no writes.")
    String[] psk_identities() default {};

    @AttributeDefinition(name = "Richieste al secondo per client / Requests per second per client", min = "0.01",
            max = "10000", description = "Token bucket refill rate per client (DTLS identity, else source IP). "
            + "Above it requests get 4.29 Too Many Requests with Max-Age.")
    double rate_limit_per_s() default 20;

    @AttributeDefinition(name = "Raffica / Burst", min = "1", max = "100000",
            description = "Token bucket size: requests a client may send at once before the rate applies.")
    int rate_burst() default 40;

    @AttributeDefinition(name = "Observe: età massima (s) / Observe max age (s)", min = "2", max = "86400",
            description = "Observers get a notification at least this often even without changes; responses carry "
                    + "it as Max-Age.")
    int observe_max_age_s() default 60;

    @AttributeDefinition(name = "Observe: banda morta (W) / Observe deadband (W)", min = "0", max = "100000",
            description = "A power changes enough to notify observers when it moves more than this since the last "
                    + "notification. State changes (relay, safe state, availability, session) always notify.")
    double deadband_w() default 50;

    @AttributeDefinition(name = "Limite minimo accettato (W) / Lowest accepted cap (W)", min = "0", max = "1000000",
            description = "Un limite di potenza via CoAP sotto questo valore è rifiutato (4.00): metterlo almeno al "
                    + "consumo di base dell'edificio più le prese degli ausili per la mobilità. / A CoAP power cap "
                    + "below this is refused with 4.00: set it to at least the building's base load plus the "
                    + "mobility-aid sockets' draw, which a lower cap would shed.")
    double cap_floor_w() default 1000;

    @AttributeDefinition(name = "Nome base SenML / SenML base name", required = false,
            description = "Prefisso globale dei nomi SenML (RFC 8428 §4.5.1); vuoto: urn:dev:mac: con l'EUI-64 "
                    + "dell'interfaccia di rete (RFC 9039). / Globally unique prefix of the SenML names; empty: "
                    + "urn:dev:mac: and the EUI-64 of the network interface (RFC 9039), e.g. "
                    + "urn:dev:mac:0024befffe804ff1: . Letters, digits and - : . / _ , ending in : or /.")
    String senml_base_name() default "";
}
