package org.microsmartgrid.kura.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The stand-in's public API is Kura 5.5.0's, type by type. The reference (kura-5.5.0-api.signatures) was produced by
 * {@link #signatures} run on classes compiled from Kura's own sources at tag KURA_5.5.0_RELEASE
 * (kura/org.eclipse.kura.api/src/main/java), so a signature that drifts from Kura's fails here.
 */
class KuraApiSignaturesTest {

    static final List<String> TYPES = List.of(
            "org.eclipse.kura.KuraErrorCode",
            "org.eclipse.kura.KuraException",
            "org.eclipse.kura.cloudconnection.listener.CloudConnectionListener",
            "org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener",
            "org.eclipse.kura.cloudconnection.message.KuraMessage",
            "org.eclipse.kura.cloudconnection.publisher.CloudPublisher",
            "org.eclipse.kura.configuration.ConfigurableComponent",
            "org.eclipse.kura.message.KuraPayload",
            "org.eclipse.kura.message.KuraPosition");

    @Test
    void everyTypeWeUseHasKurasPublicSignatures() throws Exception {
        String expected;
        try (InputStream in = KuraApiSignaturesTest.class.getResourceAsStream("/kura-5.5.0-api.signatures")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
        }
        List<String> actual = new ArrayList<>();
        for (String type : TYPES) actual.addAll(signatures(Class.forName(type, false, KuraApiSignaturesTest.class.getClassLoader())));
        assertEquals(expected.strip(), String.join("\n", actual).strip());
    }

    /** One line per public member (and the type's own kind and supertypes), sorted: declaration order is not API. */
    static List<String> signatures(Class<?> c) {
        List<String> head = new ArrayList<>();
        String kind = c.isEnum() ? "enum" : c.isInterface() ? "interface" : "class";
        head.add(c.getName() + ": " + Modifier.toString(c.getModifiers() & ~Modifier.ABSTRACT & ~Modifier.INTERFACE)
                + " " + kind + " extends " + (c.getSuperclass() == null ? "-" : c.getSuperclass().getName())
                + " implements " + Arrays.stream(c.getInterfaces()).map(Class::getName).sorted().toList());
        TreeSet<String> members = new TreeSet<>();
        for (Field f : c.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()))
                members.add(c.getName() + ": field " + Modifier.toString(f.getModifiers()) + " " + f.getType().getTypeName()
                        + " " + f.getName());
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (Modifier.isPublic(k.getModifiers())) members.add(c.getName() + ": " + executable(k, "<init>", "void"));
        }
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                members.add(c.getName() + ": " + executable(m, m.getName(), m.getGenericReturnType().getTypeName()));
        }
        head.addAll(members);
        return head;
    }

    private static String executable(Executable e, String name, String returns) {
        int mods = e.getModifiers() & (Modifier.STATIC | Modifier.PUBLIC);
        return Modifier.toString(mods) + " " + returns + " " + name + "("
                + Arrays.stream(e.getGenericParameterTypes()).map(t -> t.getTypeName()).collect(Collectors.joining(", "))
                + ")" + (e.getExceptionTypes().length == 0 ? ""
                : " throws " + Arrays.stream(e.getExceptionTypes()).map(Class::getName).sorted()
                        .collect(Collectors.joining(", ")));
    }

    /** Prints the signatures of {@link #TYPES} as loaded from the class path (how the reference was made). */
    public static void main(String[] args) throws IOException, ClassNotFoundException {
        for (String type : TYPES) signatures(Class.forName(type, false, KuraApiSignaturesTest.class.getClassLoader())).forEach(System.out::println);
    }
}
