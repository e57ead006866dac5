package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.driver.Reputation;
import org.microsmartgrid.city.people.web.ApiError;
import org.microsmartgrid.city.people.web.Text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Text people write, and the reputation formula. */
class TextTest {

    @Test
    void lengthsCountCharactersNotBytesAndTextIsNormalised() {
        assertEquals("Caffè", Text.check("f", " Caffe\u0300 ", 1, 5, false), "NFC: e + combining grave is one è");
        assertEquals("🚲🛴", Text.check("f", "🚲🛴", 1, 2, false), "emoji are one character each");
        assertThrows(ApiError.class, () -> Text.check("f", "🚲🛴🛵", 1, 2, false));
        assertEquals("a\nb", Text.check("f", "a\r\nb", 1, 10, true));
        assertThrows(ApiError.class, () -> Text.check("f", "a\nb", 1, 10, false), "one line only");
        for (String bad : new String[] {"a\u0000b", "a\u0007b", "abc\u202Edcb", "a\u2066b", "a\u200Bb", "a\uD800b", "a\uE000b", "a\tb"})
            assertThrows(ApiError.class, () -> Text.check("f", bad, 1, 10, true), bad);
        assertEquals("<script>&amp;", Text.check("f", "<script>&amp;", 1, 20, false), "markup is text, kept as is");
        assertEquals(null, Text.check("f", "   ", 0, 20, false), "blank optional text is absent");
    }

    @Property
    void theScoreStaysOnTheScaleAndMovesTowardsTheMeanWithMoreRatings(@ForAll @IntRange(min = 1, max = 5) int rating,
                                                                        @ForAll @IntRange(min = 1, max = 500) int n) {
        double one = Reputation.compute(n, (long) rating * n, 0, 0).score();
        double more = Reputation.compute(n + 1, (long) rating * (n + 1), 0, 0).score();
        assertTrue(one >= 1 && one <= 5);
        assertTrue(Math.abs(more - rating) <= Math.abs(one - rating) + 0.01, "more ratings, closer to their mean");
        assertEquals(Reputation.PRIOR_MEAN, Reputation.compute(0, 0, 0, 0).score());
    }

    @Property
    void reliabilityIsAProbabilityAndHalfWithoutCheckIns(@ForAll @IntRange(min = 0, max = 1000) int checkins,
                                                         @ForAll @IntRange(min = 0, max = 1000) int charged) {
        int c = Math.min(charged, checkins);
        double r = Reputation.compute(0, 0, checkins, c).reliability();
        assertTrue(r > 0 && r < 1);
        if (checkins == 0) assertEquals(0.5, r);
    }
}
