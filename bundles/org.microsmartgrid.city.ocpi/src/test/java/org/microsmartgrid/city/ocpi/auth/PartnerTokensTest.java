package org.microsmartgrid.city.ocpi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PartnerTokensTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void anIssuedTokenAuthenticatesItsPartnerAndTheConfigurationHoldsNoToken() {
        PartnerToken.Issued a = PartnerToken.issue("pun-gse", RANDOM);
        PartnerToken.Issued b = PartnerToken.issue("hubject", RANDOM);
        String line = a.partnerToken().format();
        assertFalse(line.contains(a.token()), "stored hashed");
        PartnerTokens tokens = PartnerTokens.parse(new String[] {line, b.partnerToken().format()}, new ArrayList<>());
        assertEquals("pun-gse", tokens.authenticate(a.authorizationHeader()).partner());
        assertEquals("hubject", tokens.authenticate(b.authorizationHeader()).partner());
        assertTrue(a.token().length() >= 43, "256 bits");
    }

    @Test
    void noConfiguredPartnerMeansNobodyGetsIn() {
        PartnerToken.Issued a = PartnerToken.issue("pun-gse", RANDOM);
        PartnerTokens none = PartnerTokens.parse(new String[0], new ArrayList<>());
        assertEquals(PartnerTokens.Refusal.UNKNOWN, none.authenticate(a.authorizationHeader()).refusal());
        assertEquals(PartnerTokens.Refusal.MISSING, none.authenticate(null).refusal());
        assertEquals(PartnerTokens.Refusal.MALFORMED, none.authenticate("Bearer x").refusal());
    }

    @Test
    void badLinesAndAPartnerListedTwiceAdmitNobodyAndSayWhere() {
        PartnerToken.Issued a = PartnerToken.issue("twice", RANDOM);
        PartnerToken.Issued b = PartnerToken.issue("twice", RANDOM);
        PartnerToken.Issued c = PartnerToken.issue("fine", RANDOM);
        List<String> errors = new ArrayList<>();
        PartnerTokens tokens = PartnerTokens.parse(new String[] {a.partnerToken().format(), "è garbage", "",
                b.partnerToken().format(), "x sha256:00:00", c.partnerToken().format()}, errors);
        assertEquals(1, tokens.size());
        assertFalse(tokens.authenticate(a.authorizationHeader()).ok());
        assertFalse(tokens.authenticate(b.authorizationHeader()).ok());
        assertTrue(tokens.authenticate(c.authorizationHeader()).ok());
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("partners[1]"), errors.toString());
    }

    @Test
    void partnerNamesAreRestricted() {
        assertThrows(IllegalArgumentException.class, () -> PartnerToken.issue("two words", RANDOM));
        assertThrows(IllegalArgumentException.class, () -> PartnerToken.issue("", RANDOM));
        assertEquals("a.b_c:d-e", PartnerToken.parse(PartnerToken.issue("a.b_c:d-e", RANDOM).partnerToken().format())
                .partner());
    }
}
