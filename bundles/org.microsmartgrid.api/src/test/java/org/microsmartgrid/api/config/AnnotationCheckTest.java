package org.microsmartgrid.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AnnotationCheckTest {
    @interface MeterLikeConfig {
        int unit_id() default 1;

        String meter_id();

        String[] board_pins() default {};

        int my__port$_$number() default 5;
    }

    final ConfigurationCheck check = new AnnotationCheck<>(MeterLikeConfig.class, c -> {
        if (c.unit_id() < 1 || c.unit_id() > 247)
            throw new IllegalArgumentException("unit.id = " + c.unit_id() + " is out of range [1, 247]");
    });

    @Test
    void aGoodConfigurationHasNoProblemsAndDefaultsFillTheRest() {
        assertEquals(List.of(), check.problems(Map.of("meter.id", "grid")));
        assertEquals(List.of(), check.problems(Map.of("meter.id", "grid", "unit.id", "12")),
                "text converts to a number, as Declarative Services does");
    }

    @Test
    void theComponentsOwnRuleRefusesAndNamesTheProperty() {
        assertEquals(List.of("unit.id = 300 is out of range [1, 247]"),
                check.problems(Map.of("meter.id", "grid", "unit.id", 300)));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsProperty() {
        List<String> problems = check.problems(Map.of("meter.id", "grid", "unit.id", "abc"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("unit.id = 'abc' is not a valid int"), problems.get(0));
    }

    @Test
    void methodNamesMapToPropertiesAsInDeclarativeServices() {
        assertEquals("unit.id", AnnotationCheck.propertyName("unit_id"));
        assertEquals("my_port-number", AnnotationCheck.propertyName("my__port$_$number"));
        assertEquals("a$b", AnnotationCheck.propertyName("a$$b"));
        assertEquals("ab", AnnotationCheck.propertyName("a$b"));
    }
}
