package org.microsmartgrid.kura.compat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Calls on services of the framework under test by reflection: their API classes live in Kura's bundles
 * (org.eclipse.osgi.services, DeploymentAdmin), not on this test's class path, as on a gateway.
 */
final class Services {

    private Services() {
    }

    /**
     * All references, not only those "assignable" to the system bundle: the test's class path also holds the service
     * API jars (Maven puts them there), which the framework would otherwise count as a different class space.
     */
    static Object get(BundleContext context, String className) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getAllServiceReferences(className, null);
        if (refs == null || refs.length == 0) throw new AssertionError("no " + className + " service in the framework");
        return context.getService(refs[0]);
    }

    static Object call(Object target, String method, Object... args) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (!m.getName().equals(method) || m.getParameterCount() != args.length) continue;
            Class<?>[] types = m.getParameterTypes();
            boolean fits = true;
            for (int i = 0; i < args.length; i++) fits &= args[i] == null || wrap(types[i]).isInstance(args[i]);
            if (!fits) continue;
            m.setAccessible(true);
            return m.invoke(target, args);
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + method + Arrays.toString(args));
    }

    static Object field(Object dto, String name) throws ReflectiveOperationException {
        Field f = dto.getClass().getField(name);
        return f.get(dto);
    }

    private static Class<?> wrap(Class<?> c) {
        if (!c.isPrimitive()) return c;
        if (c == int.class) return Integer.class;
        if (c == long.class) return Long.class;
        if (c == boolean.class) return Boolean.class;
        return c;
    }
}
