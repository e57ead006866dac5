package org.microsmartgrid.building.access.keypad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.From;

class KeypadPropertyTest {

    /** Noise: frames of a length no keypad sends, 8-bit frames with a bad complement, and the 4-bit non-keys. */
    @Provide
    Arbitrary<WiegandFrame> noise() {
        Arbitrary<WiegandFrame> odd = Arbitraries.integers().between(1, 70).filter(n -> n != 4 && n != 8)
                .flatMap(n -> Arbitraries.strings().withChars('0', '1').ofLength(n)).map(WiegandFrame::of);
        Arbitrary<WiegandFrame> badComplement = Combinators.combine(Arbitraries.integers().between(0, 15),
                        Arbitraries.integers().between(0, 15)).filter((hi, lo) -> (hi ^ lo) != 0xF)
                .as((hi, lo) -> new WiegandFrame(8, (hi << 4) | lo));
        Arbitrary<WiegandFrame> nonKey = Arbitraries.integers().between(12, 15).map(KeyFrames::fourBit);
        return Arbitraries.oneOf(odd, badComplement, nonKey);
    }

    @Property
    void aTypedCodeAlwaysArrivesWhole(@ForAll @StringLength(min = 1, max = 16) @Chars({'0', '1', '2', '3', '4', '5',
            '6', '7', '8', '9'}) String code, @ForAll boolean eightBit,
                                      @ForAll @IntRange(min = 26, max = 9_000) int pauseMs) {
        Typing t = new Typing();
        for (char c : code.toCharArray()) t.key(c - '0', eightBit, pauseMs);
        t.key(KeyFrames.HASH, !eightBit, pauseMs); // keypads may mix: '#' in the other format
        assertEquals(List.of(code), t.submitted());
    }

    @Property
    void noiseBetweenTheKeysNeverChangesWhatIsTried(
            @ForAll @StringLength(min = 1, max = 16) @Chars({'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'})
            String code, @ForAll @Size(max = 17) List<@From("noise") WiegandFrame> noise,
            @ForAll @Size(max = 17) List<@IntRange(min = 0, max = 16) Integer> where) {
        Typing t = new Typing();
        String keys = code + "#";
        for (int i = 0; i < keys.length(); i++) {
            for (int n = 0; n < Math.min(noise.size(), where.size()); n++)
                if (where.get(n) == i) t.frame(noise.get(n), 30);
            char c = keys.charAt(i);
            t.key(c == '#' ? KeyFrames.HASH : c - '0', i % 2 == 0, 30);
        }
        assertEquals(List.of(code), t.submitted());
    }

    @Property
    void noiseAloneTriesNothing(@ForAll @Size(max = 60) List<@From("noise") WiegandFrame> noise,
                                @ForAll @IntRange(min = 26, max = 200) int pauseMs) {
        Typing t = new Typing();
        noise.forEach(f -> t.frame(f, pauseMs));
        assertEquals(List.of(), t.submitted());
    }

    @Property
    void whateverTheLineDoesOnlyTypedDigitsAreTried(@ForAll @Size(max = 400) List<Boolean> bits,
                                                    @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 40) Integer> pausesMs) {
        Typing t = new Typing();
        for (int i = 0; i < bits.size(); i++)
            t.frame(WiegandFrame.EMPTY.append(bits.get(i)), i < pausesMs.size() ? pausesMs.get(i) : 0);
        for (String s : t.submitted()) assertTrue(s.matches("[0-9]{1,16}"), s);
    }
}
