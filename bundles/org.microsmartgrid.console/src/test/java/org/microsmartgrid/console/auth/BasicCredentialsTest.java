package org.microsmartgrid.console.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasicCredentialsTest {
    static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void userAndPasswordAreSplitAtTheFirstColonAndDecodedAsUtf8() {
        BasicCredentials c = BasicCredentials.parse(basic("anna:però:con:due-punti")).orElseThrow();

        assertEquals("anna", c.user());
        assertArrayEquals("però:con:due-punti".toCharArray(), c.password());
        assertEquals("anna", BasicCredentials.parse("basic   " + basic("anna:x").substring(6)).orElseThrow().user());
    }

    @Test
    void anythingElseIsNoCredentials() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
        assertTrue(BasicCredentials.parse("Basic").isEmpty());
        assertTrue(BasicCredentials.parse("Basic ***").isEmpty());
        assertTrue(BasicCredentials.parse(basic("no-colon")).isEmpty());
        assertTrue(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', 'x'})).isEmpty());
    }
}
