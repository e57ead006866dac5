package org.microsmartgrid.cloud.kapua.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.testing.ComponentConfigs;

class ConfigValidatorTest {

    private static CloudSettings valid(Object... properties) {
        return ConfigValidator.validate(ComponentConfigs.of(CloudLinkConfig.class, properties),
                k -> k.equals("msg.data") ? "/var/lib/msg" : null, "0.1.0");
    }

    @Test
    void theDefaultsGiveALoopbackLinkWithoutCredentialsAndTheOutboxUnderMsgData() {
        CloudSettings s = valid();
        assertEquals("tcp://127.0.0.1:1883", s.link().brokerUrl());
        assertNull(s.link().username());
        assertNull(s.link().password());
        assertEquals("kapua-sys", s.topics().account());
        assertFalse(s.topics().client().isBlank(), "a client id derived from the MAC or host name");
        assertEquals(Path.of("/var/lib/msg/outbox"), s.outboxPath());
        assertNull(s.position());
    }

    @Test
    void everyBadValueIsNamedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> valid(
                "broker.url", "http://kapua.example", "account.name", "milano/1", "keep.alive.s", 1,
                "outbox.max.messages", 5, "position.latitude", "45.4", "password", "secret"));
        String m = e.getMessage();
        for (String name : new String[] {"broker.url", "account.name", "keep.alive.s", "outbox.max.messages",
                "position", "password is set without a username"})
            assertTrue(m.contains(name), name + " missing from: " + m);
    }

    @Test
    void aPositionAndCredentialsAreTakenWhenComplete() {
        CloudSettings s = valid("position.latitude", "45.4642", "position.longitude", "9.19", "username", "msg-01",
                "password", "s3cret", "client.id", "msg-duomo-01");
        assertEquals(45.4642, s.position().latitude());
        assertEquals("msg-01", s.link().username());
        assertEquals("s3cret", new String(s.link().password()));
        assertEquals("msg-duomo-01", s.topics().client());
    }

    @Test
    void aTrustStoreNeedsAnSslUrlAndAReadableFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> valid("tls.truststore.path", "/nonexistent/ca.p12"));
        assertTrue(e.getMessage().contains("not ssl://"));
        assertTrue(e.getMessage().contains("unusable"));
    }
}
