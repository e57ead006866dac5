package org.microsmartgrid.cloud.kapua.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigValidatorTest {

    /** A config with the annotation's defaults, some values overridden (keys are method names). */
    static CloudLinkConfig config(Object... overrides) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < overrides.length; i += 2) values.put((String) overrides[i], overrides[i + 1]);
        return (CloudLinkConfig) Proxy.newProxyInstance(CloudLinkConfig.class.getClassLoader(),
                new Class<?>[] {CloudLinkConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) return CloudLinkConfig.class;
                    if (values.containsKey(method.getName())) return values.get(method.getName());
                    return method.getDefaultValue();
                });
    }

    private static CloudSettings valid(Object... overrides) {
        return ConfigValidator.validate(config(overrides), k -> k.equals("msg.data") ? "/var/lib/msg" : null, "0.1.0");
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
                "broker_url", "http://kapua.example", "account_name", "milano/1", "keep_alive_s", 1,
                "outbox_max_messages", 5, "position_latitude", "45.4", "password", "secret"));
        String m = e.getMessage();
        for (String name : new String[] {"broker.url", "account.name", "keep.alive.s", "outbox.max.messages",
                "position", "password is set without a username"})
            assertTrue(m.contains(name), name + " missing from: " + m);
    }

    @Test
    void aPositionAndCredentialsAreTakenWhenComplete() {
        CloudSettings s = valid("position_latitude", "45.4642", "position_longitude", "9.19", "username", "msg-01",
                "password", "s3cret", "client_id", "msg-duomo-01");
        assertEquals(45.4642, s.position().latitude());
        assertEquals("msg-01", s.link().username());
        assertEquals("s3cret", new String(s.link().password()));
        assertEquals("msg-duomo-01", s.topics().client());
    }

    @Test
    void aTrustStoreNeedsAnSslUrlAndAReadableFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> valid("tls_truststore_path", "/nonexistent/ca.p12"));
        assertTrue(e.getMessage().contains("not ssl://"));
        assertTrue(e.getMessage().contains("unusable"));
    }

    @Test
    void annotationProxyIsAnAnnotation() {
        assertTrue(config() instanceof Annotation);
    }
}
